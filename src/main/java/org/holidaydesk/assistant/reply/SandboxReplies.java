package org.holidaydesk.assistant.reply;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The replies queued for one guest, as the development simulator shows them: with no access token
 * they are delivered to this local sandbox instead of to WhatsApp. Text replies and replies with
 * choices (reply buttons, lists) both appear, in the order they were queued.
 */
@Component
public class SandboxReplies {

    private static final int MAX_REPLIES = 200;
    /** {@code interactive.type} of the callback for a tapped reply button. */
    public static final String BUTTON_REPLY = "button_reply";
    /** {@code interactive.type} of the callback for a chosen list row. */
    public static final String LIST_REPLY = "list_reply";

    /**
     * One reply as the simulator shows it.
     *
     * @param text       the message text; for a reply with choices, the text above them
     * @param choiceType {@code "button"} or {@code "list"} for a reply with choices, null for text
     * @param listButton the label of the button that opens a list, null otherwise
     * @param choices    what the guest can tap, in order; empty for text
     */
    public record SandboxReply(long id, String text, String state, Instant queuedAt, Instant deliveredAt,
                               String choiceType, String listButton, List<Choice> choices) {
    }

    /**
     * A choice the guest tapped, as Meta's callback reports it.
     *
     * @param type      {@link #BUTTON_REPLY} or {@link #LIST_REPLY}
     * @param messageId the message id the reply was delivered with (the callback's {@code context.id}); null
     *                  while it is not delivered yet
     */
    public record TappedChoice(String type, Choice choice, String messageId) {
    }

    private final JdbcTemplate jdbc;

    public SandboxReplies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The guest's text and interactive replies in the order they were queued (the most recent 200). */
    public List<SandboxReply> forGuest(String guestId) {
        List<SandboxReply> newestFirst = jdbc.query("SELECT id, kind, body, state, created_at, sent_at FROM outbox"
                        + " WHERE guest_id = ? AND kind IN (?, ?) ORDER BY id DESC LIMIT ?",
                (rs, i) -> reply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))),
                guestId, Outbox.TEXT, Outbox.INTERACTIVE, MAX_REPLIES);
        return newestFirst.reversed();
    }

    /** The choice {@code choiceId} of the guest's reply {@code replyId}, when that reply offered it. */
    public Optional<TappedChoice> choice(String guestId, long replyId, String choiceId) {
        return jdbc.query("SELECT body, sent_wamid FROM outbox WHERE id = ? AND guest_id = ? AND kind = ?",
                (rs, i) -> {
                    JsonNode interactive = InteractiveMessages.read(rs.getString(1));
                    String type = InteractiveMessages.BUTTON.equals(interactive.path("type").asText()) ? BUTTON_REPLY : LIST_REPLY;
                    String messageId = rs.getString(2);
                    return InteractiveMessages.choices(interactive).stream().filter(c -> c.id().equals(choiceId))
                            .findFirst().map(c -> new TappedChoice(type, c, messageId));
                }, replyId, guestId, Outbox.INTERACTIVE).stream().flatMap(Optional::stream).findFirst();
    }

    private static SandboxReply reply(long id, String kind, String body, String state, Instant queuedAt, Instant deliveredAt) {
        if (!Outbox.INTERACTIVE.equals(kind)) {
            return new SandboxReply(id, body, state, queuedAt, deliveredAt, null, null, List.of());
        }
        JsonNode interactive = InteractiveMessages.read(body);
        return new SandboxReply(id, InteractiveMessages.bodyText(interactive), state, queuedAt, deliveredAt,
                interactive.path("type").asText(), InteractiveMessages.listButton(interactive),
                List.copyOf(InteractiveMessages.choices(interactive)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
