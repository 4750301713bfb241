package org.holidaydesk.assistant.property;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads one tool call's arguments as the model sent them. Anything missing or malformed becomes a
 * {@link PropertyRequestException} that says what to ask the guest, because the model usually got the
 * value from the guest's words.
 */
final class ToolArguments {

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    String requiredText(String name, String askGuest) {
        String text = text(name);
        if (text == null) {
            throw new PropertyRequestException(name + " is missing. " + askGuest);
        }
        return text;
    }

    LocalDate date(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PropertyRequestException(name + " \"" + text + "\" is not a date in the form yyyy-MM-dd, such as "
                    + "2026-06-15. Work out the full date from the guest's words (ask them when it is unclear).");
        }
    }

    LocalDate requiredDate(String name, String askGuest) {
        LocalDate date = date(name);
        if (date == null) {
            throw new PropertyRequestException(name + " is missing. " + askGuest);
        }
        return date;
    }

    Integer count(String name) {
        Object value = values.get(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new PropertyRequestException(
                    name + " \"" + value + "\" is not a whole number. " + "Ask the guest how many people will stay.");
        }
    }

    int requiredCount(String name, String askGuest) {
        Integer count = count(name);
        if (count == null) {
            throw new PropertyRequestException(name + " is missing. " + askGuest);
        }
        return count;
    }
}
