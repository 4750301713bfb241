package org.holidaydesk.assistant.reply;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code interactive} object of a Cloud API message, within Meta's limits: reply buttons (1 to 3,
 * title up to 20 characters, id up to 256, both unique) or a list (up to 10 rows, row title 24,
 * description 72, row id 200, button label 20, section title 24), with a body of up to 1024 characters.
 * Texts over a limit are shortened at a word where possible and end with "…"; lengths are counted in
 * UTF-16 units, never fewer than the characters Meta counts, and a surrogate pair is never cut in half.
 */
final class InteractiveMessages {

    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;
    static final int BODY_LIMIT = 1024;
    static final int BUTTON_TITLE_LIMIT = 20;
    static final int BUTTON_ID_LIMIT = 256;
    static final int ROW_TITLE_LIMIT = 24;
    static final int ROW_DESCRIPTION_LIMIT = 72;
    static final int ROW_ID_LIMIT = 200;
    static final int LIST_BUTTON_LIMIT = 20;
    static final int SECTION_TITLE_LIMIT = 24;
    static final String BUTTON = "button";
    static final String LIST = "list";
    static final String CTA_URL = "cta_url";
    static final String FLOW = "flow";
    /** A {@code cta_url} button's {@code display_text}, and a Flow's {@code flow_cta} (the older guide's limit). */
    static final int LINK_LABEL_LIMIT = 20;

    private static final String ELLIPSIS = "…";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String TRAILING_PUNCTUATION = ",;:-–—(/";

    /**
     * A text too long for one interactive body: {@code lead} goes first as text message(s), {@code body}
     * (at most 1024 characters) carries the choices.
     */
    record Split(String lead, String body) {}

    private InteractiveMessages() {}

    /** The choices that can be shown: those with a title. */
    static List<Choice> usable(List<Choice> choices) {
        if (choices == null) {
            return List.of();
        }
        return choices.stream()
                .filter(Objects::nonNull)
                .filter(c -> c.title() != null && !c.title().isBlank())
                .toList();
    }

    /** Reply buttons under {@code body}: 1 to 3 choices; descriptions are not shown on buttons. */
    static ObjectNode buttons(String body, List<Choice> choices) {
        if (choices.isEmpty() || choices.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException(
                    "reply buttons take 1 to " + MAX_BUTTONS + " choices, not " + choices.size());
        }
        List<String> ids = ids(choices, BUTTON_ID_LIMIT);
        List<String> titles = uniqueTitles(choices, BUTTON_TITLE_LIMIT);
        ObjectNode interactive = JSON.createObjectNode().put("type", BUTTON);
        interactive.putObject("body").put("text", body(body));
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        for (int i = 0; i < choices.size(); i++) {
            buttons.addObject()
                    .put("type", "reply")
                    .putObject("reply")
                    .put("id", ids.get(i))
                    .put("title", titles.get(i));
        }
        return interactive;
    }

    /**
     * A list message with one section under {@code body}: 1 to 10 choices behind a button labelled
     * {@code button}; {@code sectionTitle} may be null (one section needs none).
     */
    static ObjectNode list(String body, String button, String sectionTitle, List<Choice> choices) {
        if (choices.isEmpty() || choices.size() > MAX_ROWS) {
            throw new IllegalArgumentException("a list takes 1 to " + MAX_ROWS + " choices, not " + choices.size());
        }
        String label = fit(button, LIST_BUTTON_LIMIT);
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("a list needs the label of its button, in the guest's language");
        }
        List<String> ids = ids(choices, ROW_ID_LIMIT);
        ObjectNode interactive = JSON.createObjectNode().put("type", LIST);
        interactive.putObject("body").put("text", body(body));
        ObjectNode action = interactive.putObject("action").put("button", label);
        ObjectNode section = action.putArray("sections").addObject();
        String title = fit(sectionTitle, SECTION_TITLE_LIMIT);
        if (title != null && !title.isEmpty()) {
            section.put("title", title);
        }
        ArrayNode rows = section.putArray("rows");
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            ObjectNode row = rows.addObject().put("id", ids.get(i)).put("title", fit(choice.title(), ROW_TITLE_LIMIT));
            String description = fit(choice.description(), ROW_DESCRIPTION_LIMIT);
            if (description != null && !description.isEmpty()) {
                row.put("description", description);
            }
        }
        return interactive;
    }

    /**
     * A button that opens {@code url} ({@code cta_url}, Meta's "Interactive CTA URL messages") under {@code body}:
     * its label at most 20 characters, the body at most 1024 (callers split longer texts first).
     */
    static ObjectNode ctaUrl(String body, String label, String url) {
        String text = fit(label, LINK_LABEL_LIMIT);
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a link button needs its label, in the guest's language");
        }
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("a link button needs an http(s) address");
        }
        ObjectNode interactive = JSON.createObjectNode().put("type", CTA_URL);
        interactive.putObject("body").put("text", body(body));
        interactive
                .putObject("action")
                .put("name", CTA_URL)
                .putObject("parameters")
                .put("display_text", text)
                .put("url", url);
        return interactive;
    }

    /**
     * A published WhatsApp Flow opened at {@code flow.screen()} with {@code flow.data()} ({@code flow_action: navigate},
     * {@code flow_message_version} 3) under {@code body}; its button label at most 20 characters.
     */
    static ObjectNode flow(String body, FlowInvite flow) {
        String cta = fit(flow.cta(), LINK_LABEL_LIMIT);
        if (cta == null
                || cta.isEmpty()
                || flow.flowId() == null
                || flow.flowId().isBlank()) {
            throw new IllegalArgumentException("a Flow message needs the Flow's id and its button label");
        }
        if (flow.data() == null || flow.data().isEmpty()) {
            throw new IllegalArgumentException("a Flow opened at a screen needs that screen's data");
        }
        ObjectNode interactive = JSON.createObjectNode().put("type", FLOW);
        interactive.putObject("body").put("text", body(body));
        ObjectNode parameters = interactive
                .putObject("action")
                .put("name", FLOW)
                .putObject("parameters")
                .put("flow_message_version", "3")
                .put("flow_token", flow.flowToken())
                .put("flow_id", flow.flowId())
                .put("flow_cta", cta)
                .put("flow_action", "navigate");
        ObjectNode payload = parameters.putObject("flow_action_payload").put("screen", flow.screen());
        payload.set("data", flow.data());
        return interactive;
    }

    /**
     * Splits a text too long for the body: everything before its last paragraph is the lead; a last
     * paragraph still over the limit keeps its end (from a line, sentence or word) and gives the rest
     * to the lead, so nothing is lost.
     */
    static Split split(String text) {
        String all = text.strip();
        if (all.length() <= BODY_LIMIT) {
            return new Split("", all);
        }
        int paragraph = all.lastIndexOf("\n\n");
        String lead = paragraph < 0 ? "" : all.substring(0, paragraph).strip();
        String last = paragraph < 0 ? all : all.substring(paragraph).strip();
        if (last.length() <= BODY_LIMIT) {
            return new Split(lead, last);
        }
        int from = tailStart(last);
        String head = last.substring(0, from).strip();
        return new Split(
                lead.isEmpty() ? head : lead + "\n\n" + head,
                last.substring(from).strip());
    }

    /**
     * Shortens one line of text to {@code limit}: whitespace collapsed, cut at a word where the word
     * boundary keeps at least half of it, ending with "…". Null stays null.
     */
    static String fit(String text, int limit) {
        if (text == null) {
            return null;
        }
        String line = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (line.length() <= limit) {
            return line;
        }
        int room = limit - ELLIPSIS.length();
        int cut = safeCut(line, room);
        int space = line.lastIndexOf(' ', cut);
        if (space > room / 2) {
            cut = space;
        }
        String head = line.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && TRAILING_PUNCTUATION.indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        if (head.isEmpty()) {
            head = line.substring(0, safeCut(line, room));
        }
        return head + ELLIPSIS;
    }

    /** The body text as Meta takes it: at most 1024 characters (callers split longer texts first). */
    private static String body(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an interactive message needs a body text");
        }
        String body = text.strip();
        return body.length() <= BODY_LIMIT ? body : body.substring(0, safeCut(body, BODY_LIMIT));
    }

    /** The caller's id when it is given, within {@code limit} and not taken already; else {@code choice_<n>}. */
    private static List<String> ids(List<Choice> choices, int limit) {
        String[] ids = new String[choices.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            String id = choices.get(i).id();
            if (id != null && !id.isBlank() && id.length() <= limit && used.add(id)) {
                ids[i] = id;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                String base = "choice_" + (i + 1);
                String candidate = base;
                for (int n = 2; !used.add(candidate); n++) {
                    candidate = base + "_" + n;
                }
                ids[i] = candidate;
            }
        }
        return List.of(ids);
    }

    /** Titles shortened to {@code limit}; two that come out alike are told apart by a number. */
    private static List<String> uniqueTitles(List<Choice> choices, int limit) {
        List<String> titles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            String title = fit(choices.get(i).title(), limit);
            if (!seen.add(title.toLowerCase(Locale.ROOT))) {
                String suffix = " (" + (i + 1) + ")";
                title = fit(choices.get(i).title(), limit - suffix.length()) + suffix;
                seen.add(title.toLowerCase(Locale.ROOT));
            }
            titles.add(title);
        }
        return titles;
    }

    /** Where the body's tail starts so that it is at most 1024 characters: a line, else a sentence, else a word. */
    private static int tailStart(String text) {
        int min = text.length() - BODY_LIMIT;
        int max = text.length() - BODY_LIMIT / 2;
        int line = text.indexOf('\n', min);
        if (line >= 0 && line < max) {
            return line + 1;
        }
        for (int i = Math.max(min, 1); i < max; i++) {
            char c = text.charAt(i - 1);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        int space = text.indexOf(' ', min);
        if (space >= 0 && space < max) {
            return space + 1;
        }
        return Character.isLowSurrogate(text.charAt(min)) ? min + 1 : min;
    }

    /** {@code cut}, or one less when it would part a surrogate pair. */
    private static int safeCut(String text, int cut) {
        return cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
    }

    static String write(JsonNode interactive) {
        try {
            return JSON.writeValueAsString(interactive);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an interactive message", e);
        }
    }

    /** The stored {@code interactive} object of an outbox row. */
    static ObjectNode read(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below, without the body
        }
        throw new IllegalStateException("an interactive outbox row does not hold an interactive object");
    }

    /** The body text of a stored interactive object. */
    static String bodyText(JsonNode interactive) {
        return interactive.path("body").path("text").asText("");
    }

    /** The list's button label; null for reply buttons. */
    static String listButton(JsonNode interactive) {
        JsonNode button = interactive.path("action").path("button");
        return button.isTextual() ? button.asText() : null;
    }

    /** The choices of a stored interactive object, as the guest sees them. */
    static List<Choice> choices(JsonNode interactive) {
        List<Choice> choices = new ArrayList<>();
        JsonNode action = interactive.path("action");
        if (BUTTON.equals(interactive.path("type").asText())) {
            for (JsonNode button : action.path("buttons")) {
                JsonNode reply = button.path("reply");
                choices.add(new Choice(
                        reply.path("id").asText(), reply.path("title").asText(), null));
            }
        } else {
            for (JsonNode section : action.path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    JsonNode description = row.path("description");
                    choices.add(new Choice(
                            row.path("id").asText(),
                            row.path("title").asText(),
                            description.isTextual() ? description.asText() : null));
                }
            }
        }
        return choices;
    }
}
