package org.holidaydesk.assistant.webhook;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A completed WhatsApp Flow ({@code interactive.nfm_reply}) read as what the guest said: the date picker
 * ({@code flows/dates.json}) answers {@code check_in}, {@code check_out}, and the {@code property} and
 * {@code guests} it was opened for, which become "Casa Pescarului 2027-06-15 to 2027-06-20 for 2" — the guest's
 * dates as every agent reads them. A Flow answer without dates is read as nothing; its JSON never fails a callback.
 */
final class FlowReplies {

    private FlowReplies() {}

    static String text(CallbackPayload.NfmReply reply) {
        if (reply == null
                || reply.responseJson() == null
                || reply.responseJson().isBlank()) {
            return null;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(reply.responseJson());
        } catch (IOException e) {
            return null;
        }
        LocalDate checkIn = date(answer.path("check_in"));
        LocalDate checkOut = date(answer.path("check_out"));
        if (checkIn == null || checkOut == null || !checkOut.isAfter(checkIn)) {
            return null;
        }
        List<String> words = new ArrayList<>();
        String property = answer.path("property").asText("").strip();
        if (!property.isEmpty()) {
            words.add(property);
        }
        words.add(checkIn + " to " + checkOut);
        String guests = answer.path("guests").asText("").strip();
        if (guests.matches("\\d{1,2}") && !guests.equals("0")) {
            words.add("for " + guests);
        }
        return String.join(" ", words);
    }

    private static LocalDate date(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText().strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
