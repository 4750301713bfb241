package org.holidaydesk.assistant.reply;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The replies queued for one guest, as the development simulator shows them: with no access token
 * they are delivered to this local sandbox instead of to WhatsApp. Text replies and replies with
 * choices (reply buttons, lists) both appear, in the order they were queued, each with the furthest
 * delivery status Meta (here, the simulator playing Meta) reported for it.
 */
@Component
public class SandboxReplies {

    private static final int MAX_REPLIES = 200;
    /** {@code interactive.type} of the callback for a tapped reply button. */
    public static final String BUTTON_REPLY = "button_reply";
    /** {@code interactive.type} of the callback for a chosen list row. */
    public static final String LIST_REPLY = "list_reply";
    /** Meta's delivery statuses in the order a message goes through them. */
    private static final List<String> PROGRESS = List.of("sent", "delivered", "read");

    /**
     * One reply as the simulator shows it.
     *
     * @param text       the message text; for a reply with choices, the text above them
     * @param messageId  the message id it was delivered with (what delivery statuses name), null while pending
     * @param status     the furthest delivery status reported for it ({@code sent}, {@code delivered},
     *                   {@code read}), {@code failed} when Meta reported a failure, null before any
     * @param choiceType {@code "button"} or {@code "list"} for a reply with choices, null for text
     * @param listButton the label of the button that opens a list, null otherwise
     * @param choices    what the guest can tap, in order; empty for text
     * @param link       a {@code cta_url} button's label and address ({@code label}, {@code url}), null otherwise
     * @param flow       a Flow message's button label and first screen's data ({@code cta}, {@code data}), null otherwise
     */
    public record SandboxReply(
            long id,
            String text,
            String state,
            Instant queuedAt,
            Instant deliveredAt,
            String messageId,
            String status,
            String choiceType,
            String listButton,
            List<Choice> choices,
            Map<String, Object> link,
            Map<String, Object> flow) {

        SandboxReply withText(String shown) {
            return new SandboxReply(
                    id,
                    shown,
                    state,
                    queuedAt,
                    deliveredAt,
                    messageId,
                    status,
                    choiceType,
                    listButton,
                    choices,
                    link,
                    flow);
        }

        SandboxReply withChoices(String type, String button, List<Choice> offered) {
            return new SandboxReply(
                    id, text, state, queuedAt, deliveredAt, messageId, status, type, button, offered, link, flow);
        }

        SandboxReply withLink(Map<String, Object> button) {
            return new SandboxReply(
                    id,
                    text,
                    state,
                    queuedAt,
                    deliveredAt,
                    messageId,
                    status,
                    choiceType,
                    listButton,
                    choices,
                    button,
                    flow);
        }

        SandboxReply withFlow(Map<String, Object> offered) {
            return new SandboxReply(
                    id,
                    text,
                    state,
                    queuedAt,
                    deliveredAt,
                    messageId,
                    status,
                    choiceType,
                    listButton,
                    choices,
                    link,
                    offered);
        }
    }

    /** The Flow a sandbox reply offered: the message id it was delivered with, its token and its first screen's data. */
    public record OfferedFlow(String messageId, String flowToken, JsonNode data) {}

    /**
     * A choice the guest tapped, as Meta's callback reports it.
     *
     * @param type      {@link #BUTTON_REPLY} or {@link #LIST_REPLY}
     * @param messageId the message id the reply was delivered with (the callback's {@code context.id}); null
     *                  while it is not delivered yet
     */
    public record TappedChoice(String type, Choice choice, String messageId) {}

    /** A reply delivered to the sandbox: the message id and address its delivery statuses name. */
    public record Delivered(long id, String messageId, String recipient) {}

    private final JdbcTemplate jdbc;

    public SandboxReplies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The message id a reply delivered to the sandbox gets, in place of Meta's wamid. */
    public static String messageId(long replyId) {
        return OutboxResults.SANDBOX_PREFIX + replyId;
    }

    /** True for what WhatsApp shows the guest as a message (text, interactive), which Meta reports statuses for. */
    public static boolean shownToTheGuest(String kind) {
        return Outbox.TEXT.equals(kind) || Outbox.INTERACTIVE.equals(kind);
    }

    /** The guest's text and interactive replies in the order they were queued (the most recent 200). */
    public List<SandboxReply> forGuest(String guestId) {
        List<SandboxReply> newestFirst = jdbc.query(
                "SELECT o.id, o.kind, o.body, o.state, o.created_at, o.sent_at, o.sent_wamid,"
                        + " (SELECT MAX(CASE s.status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 0 END)"
                        + " FROM message_status s WHERE s.wamid = o.sent_wamid),"
                        + " (SELECT COUNT(*) FROM message_status s WHERE s.wamid = o.sent_wamid AND s.status = 'failed')"
                        + " FROM outbox o WHERE o.guest_id = ? AND o.kind IN (?, ?) ORDER BY o.id DESC LIMIT ?",
                (rs, i) -> reply(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7),
                        status(rs.getInt(8), rs.getInt(9) > 0)),
                guestId,
                Outbox.TEXT,
                Outbox.INTERACTIVE,
                MAX_REPLIES);
        return newestFirst.reversed();
    }

    /** The guest's messages this service marked as read (their read receipts went out), by message id. */
    public Set<String> readByTheBusiness(String guestId) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT in_reply_to FROM outbox WHERE guest_id = ? AND kind = ? AND state = ?",
                String.class,
                guestId,
                Outbox.READ,
                OutboxResults.SENT));
    }

    /**
     * Of {@code replyIds}, the guest's replies delivered to the sandbox that no read status names yet:
     * those the guest's phone would now report as read.
     */
    public List<Delivered> unread(String guestId, List<Long> replyIds) {
        if (replyIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", replyIds.stream().map(id -> "?").toList());
        Object[] args = new Object[replyIds.size() + 4];
        args[0] = guestId;
        args[1] = Outbox.TEXT;
        args[2] = Outbox.INTERACTIVE;
        args[3] = OutboxResults.SANDBOX_PREFIX + "%";
        for (int i = 0; i < replyIds.size(); i++) {
            args[i + 4] = replyIds.get(i);
        }
        return jdbc.query(
                "SELECT o.id, o.sent_wamid, o.recipient FROM outbox o WHERE o.guest_id = ? AND o.kind IN (?, ?)"
                        + " AND o.sent_wamid LIKE ? AND o.id IN (" + ids
                        + ") AND NOT EXISTS (SELECT 1 FROM message_status s"
                        + " WHERE s.wamid = o.sent_wamid AND s.status = 'read') ORDER BY o.id",
                (rs, i) -> new Delivered(rs.getLong(1), rs.getString(2), rs.getString(3)),
                args);
    }

    /** The choice {@code choiceId} of the guest's reply {@code replyId}, when that reply offered it. */
    public Optional<TappedChoice> choice(String guestId, long replyId, String choiceId) {
        return jdbc
                .query(
                        "SELECT body, sent_wamid FROM outbox WHERE id = ? AND guest_id = ? AND kind = ?",
                        (rs, i) -> {
                            JsonNode interactive = InteractiveMessages.read(rs.getString(1));
                            String type = InteractiveMessages.BUTTON.equals(
                                            interactive.path("type").asText())
                                    ? BUTTON_REPLY
                                    : LIST_REPLY;
                            String messageId = rs.getString(2);
                            return InteractiveMessages.choices(interactive).stream()
                                    .filter(c -> c.id().equals(choiceId))
                                    .findFirst()
                                    .map(c -> new TappedChoice(type, c, messageId));
                        },
                        replyId,
                        guestId,
                        Outbox.INTERACTIVE)
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The Flow the guest's reply {@code replyId} offered, when it offered one. */
    public Optional<OfferedFlow> flow(String guestId, long replyId) {
        return jdbc
                .query(
                        "SELECT body, sent_wamid FROM outbox WHERE id = ? AND guest_id = ? AND kind = ?",
                        (rs, i) -> {
                            JsonNode interactive = InteractiveMessages.read(rs.getString(1));
                            JsonNode parameters = interactive.path("action").path("parameters");
                            return InteractiveMessages.FLOW.equals(
                                            interactive.path("type").asText())
                                    ? Optional.of(new OfferedFlow(
                                            rs.getString(2),
                                            parameters.path("flow_token").asText(""),
                                            parameters
                                                    .path("flow_action_payload")
                                                    .path("data")))
                                    : Optional.<OfferedFlow>empty();
                        },
                        replyId,
                        guestId,
                        Outbox.INTERACTIVE)
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String status(int furthest, boolean failed) {
        if (failed) {
            return "failed";
        }
        return furthest <= 0 ? null : PROGRESS.get(furthest - 1);
    }

    private static SandboxReply reply(
            long id,
            String kind,
            String body,
            String state,
            Instant queuedAt,
            Instant deliveredAt,
            String messageId,
            String status) {
        SandboxReply text = new SandboxReply(
                id, body, state, queuedAt, deliveredAt, messageId, status, null, null, List.of(), null, null);
        if (!Outbox.INTERACTIVE.equals(kind)) {
            return text;
        }
        JsonNode interactive = InteractiveMessages.read(body);
        String type = interactive.path("type").asText();
        JsonNode parameters = interactive.path("action").path("parameters");
        SandboxReply shown = text.withText(InteractiveMessages.bodyText(interactive));
        if (InteractiveMessages.CTA_URL.equals(type)) {
            return shown.withLink(Map.of(
                    "label",
                    parameters.path("display_text").asText(),
                    "url",
                    parameters.path("url").asText()));
        }
        if (InteractiveMessages.FLOW.equals(type)) {
            Map<String, Object> data =
                    JSON.convertValue(parameters.path("flow_action_payload").path("data"), new TypeReference<>() {});
            return shown.withFlow(
                    Map.of("cta", parameters.path("flow_cta").asText(), "data", data == null ? Map.of() : data));
        }
        return shown.withChoices(
                type,
                InteractiveMessages.listButton(interactive),
                List.copyOf(InteractiveMessages.choices(interactive)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
