package org.holidaydesk.assistant.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Meta's documented shape of the interactive messages the booking funnel sends, checked field by field: a
 * {@code cta_url} message ("Interactive CTA URL messages": {@code action.name} {@code cta_url},
 * {@code parameters.display_text} at most 20 characters, {@code parameters.url} http(s); {@code body.text} required,
 * at most 1024; optional {@code header} text and {@code footer} text at most 60) and a {@code flow} message (Meta's
 * OpenAPI v23.0 {@code ActionObject}: {@code flow_message_version} "3", {@code flow_cta} at most 20 as the guide
 * says, exactly one of {@code flow_id}/{@code flow_name}, {@code flow_action} navigate or data_exchange,
 * {@code flow_action_payload} with a screen and non-empty data for navigate, optional {@code flow_token} and
 * {@code mode}; no other parameter). The stand-in Cloud APIs collect every such send the suite makes.
 */
public final class MetaMessageShape {

    private static final Set<String> INTERACTIVE_FIELDS = Set.of("type", "body", "action", "header", "footer");
    private static final Set<String> FLOW_PARAMETERS = Set.of(
            "flow_action",
            "flow_action_payload",
            "flow_cta",
            "flow_id",
            "flow_message_version",
            "flow_name",
            "flow_token",
            "mode");
    private static final Set<String> MESSAGE_FIELDS =
            Set.of("messaging_product", "recipient_type", "to", "type", "interactive", "context");

    /** Every {@code cta_url} and {@code flow} body a stand-in Cloud API received in this JVM. */
    public static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();

    private MetaMessageShape() {}

    /** Keeps a received send when it is a {@code cta_url} or {@code flow} message. */
    public static void collect(JsonNode body) {
        String type = body.at("/interactive/type").asText("");
        if ("interactive".equals(body.path("type").asText()) && (type.equals("cta_url") || type.equals("flow"))) {
            RECEIVED.add(body);
        }
    }

    /** What is wrong with a message against the documented shape; empty when nothing is. */
    public static List<String> problems(JsonNode message) {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MESSAGE_FIELDS.contains(name)) {
                problems.add("unknown message field " + name);
            }
        }
        expect(
                problems,
                "whatsapp".equals(message.path("messaging_product").asText()),
                "messaging_product is whatsapp");
        expect(problems, "individual".equals(message.path("recipient_type").asText()), "recipient_type is individual");
        expect(problems, !message.path("to").asText("").isBlank(), "to is set");
        expect(problems, "interactive".equals(message.path("type").asText()), "type is interactive");
        JsonNode interactive = message.path("interactive");
        for (Iterator<String> names = interactive.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!INTERACTIVE_FIELDS.contains(name)) {
                problems.add("unknown interactive field " + name);
            }
        }
        String body = interactive.path("body").path("text").asText("");
        expect(problems, !body.isBlank() && body.length() <= 1024, "body.text is 1 to 1024 characters");
        if (interactive.has("footer")) {
            String footer = interactive.path("footer").path("text").asText("");
            expect(problems, !footer.isBlank() && footer.length() <= 60, "footer.text is 1 to 60 characters");
        }
        if (interactive.has("header")) {
            JsonNode header = interactive.path("header");
            expect(
                    problems,
                    !"text".equals(header.path("type").asText())
                            || header.path("text").asText("").length() <= 60,
                    "a text header is at most 60 characters");
        }
        JsonNode action = interactive.path("action");
        JsonNode parameters = action.path("parameters");
        switch (interactive.path("type").asText()) {
            case "cta_url" -> {
                expect(problems, "cta_url".equals(action.path("name").asText()), "action.name is cta_url");
                String label = parameters.path("display_text").asText("");
                expect(problems, !label.isBlank() && label.length() <= 20, "display_text is 1 to 20 characters");
                expect(problems, isHttpUrl(parameters.path("url").asText("")), "url is an http(s) address");
            }
            case "flow" -> {
                expect(problems, "flow".equals(action.path("name").asText()), "action.name is flow");
                for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!FLOW_PARAMETERS.contains(name)) {
                        problems.add("unknown flow parameter " + name);
                    }
                }
                expect(
                        problems,
                        "3".equals(parameters.path("flow_message_version").asText()),
                        "flow_message_version is \"3\"");
                String cta = parameters.path("flow_cta").asText("");
                expect(problems, !cta.isBlank() && cta.length() <= 20, "flow_cta is 1 to 20 characters");
                expect(
                        problems,
                        parameters.hasNonNull("flow_id") != parameters.hasNonNull("flow_name"),
                        "exactly one of flow_id and flow_name");
                String flowAction = parameters.path("flow_action").asText("navigate");
                expect(
                        problems,
                        Set.of("navigate", "data_exchange").contains(flowAction),
                        "flow_action is navigate or data_exchange");
                if (parameters.has("mode")) {
                    expect(
                            problems,
                            Set.of("draft", "published")
                                    .contains(parameters.path("mode").asText()),
                            "mode is draft or published");
                }
                if (parameters.has("flow_token")) {
                    expect(problems, parameters.path("flow_token").isTextual(), "flow_token is a string");
                }
                if (flowAction.equals("navigate")) {
                    JsonNode payload = parameters.path("flow_action_payload");
                    expect(problems, !payload.path("screen").asText("").isBlank(), "flow_action_payload.screen is set");
                    expect(
                            problems,
                            payload.path("data").isObject()
                                    && !payload.path("data").isEmpty(),
                            "flow_action_payload.data is a non-empty object");
                }
            }
            default ->
                problems.add("interactive.type is cta_url or flow, not "
                        + interactive.path("type").asText());
        }
        return problems;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void expect(List<String> problems, boolean holds, String rule) {
        if (!holds) {
            problems.add(rule);
        }
    }
}
