package org.holidaydesk.assistant.agent.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.BookingButton;

/**
 * Finds the booking page in the model's answer: an address made from {@code BOOKING_URL_TEMPLATE} (as
 * {@code create_booking_link} returns it), read back into the property and dates it books, so that it goes out
 * as a button under the answer and the address leaves the text. A line that only introduced the address
 * ("Book here:") goes with it.
 */
final class BookingPages {

    /** The answer's text without the booking page, and the page; {@code page} is null when there was none. */
    record Found(String text, BookingButton page) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(propertyId|checkIn|checkOut|nights|guests)}");
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]*_'";
    /** What is left of a line around the address that only introduced it ("Book here", "Rezervați aici:"). */
    private static final int INTRODUCTION = 40;

    private final Pattern template;

    BookingPages(String bookingUrlTemplate) {
        this.template = bookingUrlTemplate == null || bookingUrlTemplate.isBlank() ? null : compile(bookingUrlTemplate);
    }

    Found find(String text) {
        if (template == null || text == null) {
            return new Found(text, null);
        }
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            String url = address.group();
            while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
            }
            Matcher page = template.matcher(url);
            if (page.matches()) {
                BookingButton button = new BookingButton(
                        group(page, "propertyId"), url, date(page, "checkIn"), date(page, "checkOut"));
                return new Found(without(text, address.start(), address.start() + url.length()), button);
            }
        }
        return new Found(text, null);
    }

    /**
     * The text without the address; its line goes too when what is left of it only introduced the address and the
     * answer says something else. Empty when the answer was the address alone.
     */
    private static String without(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        String rest = (text.substring(lineStart, start) + text.substring(end, lineEnd)).strip();
        rest = rest.replaceAll("\\s+([.,;!?])", "$1")
                .replaceAll("[\\s:–—-]+$", "")
                .replaceAll("^[•*\\-\\s]+$", "");
        String before = text.substring(0, lineStart).stripTrailing();
        String after = text.substring(lineEnd).stripLeading();
        List<String> lines = new ArrayList<>(List.of(before));
        // the introduction stays when it is all the answer says besides the address
        if (rest.length() > INTRODUCTION || (before.isEmpty() && after.isEmpty())) {
            lines.add(rest);
        }
        lines.add(after);
        return String.join("\n", lines.stream().filter(l -> !l.isEmpty()).toList())
                .strip();
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        List<String> named = new ArrayList<>();
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(template.substring(at, placeholder.start())));
            String name = placeholder.group(1);
            regex.append(named.contains(name) ? "[^&#\\s/]+" : "(?<" + name + ">[^&#\\s/]+)");
            named.add(name);
            at = placeholder.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }

    private static String group(Matcher page, String name) {
        try {
            return java.net.URLDecoder.decode(page.group(name), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException absent) {
            return null;
        }
    }

    private static LocalDate date(Matcher page, String name) {
        String value = group(page, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
