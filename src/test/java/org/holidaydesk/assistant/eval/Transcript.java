package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened in one run of a scenario, as the outside world saw it: the messages the service sent the
 * guest through the Cloud API after each turn, the handoff notifications the business got, the model's
 * tokens and the time to the first reply of each turn.
 */
public record Transcript(
        Scenario scenario,
        int run,
        String guest,
        List<TurnRecord> turns,
        int handoffs,
        long promptTokens,
        long completionTokens) {

    /** One guest turn and the messages sent to the guest until the next one. */
    public record TurnRecord(String guestText, List<Sent> sent, long millisToFirstReply) {}

    /** One message the service sent the guest: its text and the choices and links it carried. */
    public record Sent(String text, List<String> choices, List<String> urls) {

        /** Reads a Cloud API send body: text, or an interactive message's body, header, footer, buttons, rows, CTA. */
        static Sent of(JsonNode body) {
            StringBuilder text = new StringBuilder();
            List<String> choices = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            append(text, body.path("text").path("body"));
            JsonNode interactive = body.path("interactive");
            append(text, interactive.path("header").path("text"));
            append(text, interactive.path("body").path("text"));
            append(text, interactive.path("footer").path("text"));
            JsonNode action = interactive.path("action");
            for (JsonNode button : action.path("buttons")) {
                choices.add(button.path("reply").path("title").asText());
            }
            for (JsonNode section : action.path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    choices.add((row.path("title").asText() + " "
                                    + row.path("description").asText(""))
                            .trim());
                }
            }
            JsonNode cta = action.path("parameters").path("url");
            if (cta.isTextual()) {
                urls.add(cta.asText());
            }
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("https?://[^\\s*_)\\]>\"]+").matcher(text);
            while (m.find()) {
                urls.add(m.group().replaceAll("[.,;:!?]+$", ""));
            }
            return new Sent(text.toString(), List.copyOf(choices), List.copyOf(urls));
        }

        private static void append(StringBuilder text, JsonNode node) {
            if (node.isTextual() && !node.asText().isBlank()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(node.asText());
            }
        }
    }

    /** Messages the guest got over the whole conversation. */
    public int billableMessages() {
        return turns.stream().mapToInt(t -> t.sent().size()).sum();
    }
}
