package org.holidaydesk.assistant.reply;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues what the service sends. Called inside the transaction that ends a guest's turn, so a reply is
 * either queued together with the turn's end or not at all; the reply route sends the queue in id order
 * per recipient.
 */
@Component
public class Outbox {

    /** A text message to the guest. */
    public static final String TEXT = "text";
    /** A read receipt with typing indicator for one guest message. */
    public static final String READ = "read";
    /** Text with options the guest taps: reply buttons or a list; the body holds the {@code interactive} object's JSON. */
    public static final String INTERACTIVE = "interactive";
    /** A note to the business that a guest was handed to a person, posted to {@code HANDOFF_WEBHOOK_URL}. */
    public static final String HANDOFF = "handoff";
    /** The one queue that handoff notes go through, in order. */
    public static final String HANDOFF_RECIPIENT = "handoff-webhook";
    /** An approved template (its name and language), sent when a reply came past the 24-hour window. */
    public static final String TEMPLATE = "template";
    /** A thread-control request ({@code POST /{phone_number_id}/thread_control}); the body holds its action and metadata. */
    public static final String CONTROL = "control";

    static final String PENDING = "PENDING";

    private final JdbcTemplate jdbc;
    private final MessageSplitter splitter = new MessageSplitter();
    private final Clock clock = Clock.systemUTC();

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a text reply, split into several messages when it is over WhatsApp's limit. */
    public void enqueueText(String guestId, String recipient, String phoneNumberId, String text, String inReplyTo) {
        for (String part : splitter.split(text)) {
            insert(guestId, recipient, phoneNumberId, TEXT, part, inReplyTo);
        }
    }

    /**
     * Queues a reply with options the guest can tap instead of typing: 2 or 3 choices become reply
     * buttons, 4 to 10 a list message opened by a button labelled {@code listButtonLabel} (in the guest's
     * language, e.g. "See options" / "Vezi opțiunile"; at most 20 characters are shown). With fewer than
     * 2 or more than 10 choices (choices without a title do not count) the text goes alone, exactly as
     * {@link #enqueueText}. Titles and descriptions over WhatsApp's limits are shortened with "…"; a
     * choice keeps its id when it has one that fits and is not taken, else it gets {@code choice_<n>}.
     * A text over 1024 characters goes first as text message(s) up to its last paragraph, which
     * carries the choices.
     *
     * @throws IllegalArgumentException when there are choices to show but no text, or a list without a button label
     */
    public void enqueueChoices(
            String guestId,
            String recipient,
            String phoneNumberId,
            String text,
            List<Choice> choices,
            String listButtonLabel,
            String inReplyTo) {
        List<Choice> shown = InteractiveMessages.usable(choices);
        if (shown.size() < 2 || shown.size() > InteractiveMessages.MAX_ROWS) {
            enqueueText(guestId, recipient, phoneNumberId, text == null ? "" : text, inReplyTo);
            return;
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("choices need the text they answer");
        }
        InteractiveMessages.Split split = InteractiveMessages.split(text);
        String interactive = InteractiveMessages.write(
                shown.size() <= InteractiveMessages.MAX_BUTTONS
                        ? InteractiveMessages.buttons(split.body(), shown)
                        : InteractiveMessages.list(split.body(), listButtonLabel, null, shown));
        if (!split.lead().isEmpty()) {
            enqueueText(guestId, recipient, phoneNumberId, split.lead(), inReplyTo);
        }
        insert(guestId, recipient, phoneNumberId, INTERACTIVE, interactive, inReplyTo);
    }

    /**
     * Queues a reply whose last paragraph carries a button opening {@code url} (a {@code cta_url} message, labelled
     * {@code label}, at most 20 characters shown); a text over 1024 characters goes first as text message(s) up to
     * its last paragraph, as with {@link #enqueueChoices}.
     */
    public void enqueueLink(
            String guestId,
            String recipient,
            String phoneNumberId,
            String text,
            String label,
            String url,
            String inReplyTo) {
        InteractiveMessages.Split split = InteractiveMessages.split(text);
        String interactive = InteractiveMessages.write(InteractiveMessages.ctaUrl(split.body(), label, url));
        if (!split.lead().isEmpty()) {
            enqueueText(guestId, recipient, phoneNumberId, split.lead(), inReplyTo);
        }
        insert(guestId, recipient, phoneNumberId, INTERACTIVE, interactive, inReplyTo);
    }

    /**
     * Queues a reply whose last paragraph carries a button opening a published WhatsApp Flow; a text over 1024
     * characters goes first as text message(s) up to its last paragraph.
     */
    public void enqueueFlow(
            String guestId, String recipient, String phoneNumberId, String text, FlowInvite flow, String inReplyTo) {
        InteractiveMessages.Split split = InteractiveMessages.split(text);
        String interactive = InteractiveMessages.write(InteractiveMessages.flow(split.body(), flow));
        if (!split.lead().isEmpty()) {
            enqueueText(guestId, recipient, phoneNumberId, split.lead(), inReplyTo);
        }
        insert(guestId, recipient, phoneNumberId, INTERACTIVE, interactive, inReplyTo);
    }

    /** Queues the read receipt and typing indicator for one guest message. */
    public void enqueueReadReceipt(String guestId, String recipient, String phoneNumberId, String wamid) {
        insert(guestId, recipient, phoneNumberId, READ, "", wamid);
    }

    /** Deletes replies sent before {@code cutoff}; pending, held and dead-lettered ones stay. */
    public int forgetSentBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM outbox WHERE state = 'SENT' AND sent_at < ?", Timestamp.from(cutoff));
    }

    /** Queues a handoff note for the business: JSON as Slack and Teams incoming webhooks take it. */
    public void enqueueHandoffNote(String guestId, String json) {
        insert(guestId, HANDOFF_RECIPIENT, "", HANDOFF, json, null);
    }

    /** Queues an approved template, the only message Meta delivers outside the 24-hour window. */
    public void enqueueTemplate(
            String guestId, String recipient, String phoneNumberId, String name, String languageCode) {
        com.fasterxml.jackson.databind.node.ObjectNode template =
                JSON.createObjectNode().put("name", name);
        template.putObject("language").put("code", languageCode);
        insert(guestId, recipient, phoneNumberId, TEMPLATE, template.toString(), null);
    }

    /**
     * Queues a thread-control request for the guest's conversation (Conversation Routing): {@code take} takes it
     * from Meta Business Agent or another responder. Sent in order with the guest's replies.
     */
    public void enqueueThreadControl(
            String guestId, String recipient, String phoneNumberId, String action, String metadata) {
        com.fasterxml.jackson.databind.node.ObjectNode body =
                JSON.createObjectNode().put("action", action);
        if (metadata != null) {
            body.put("metadata", metadata);
        }
        insert(guestId, recipient, phoneNumberId, CONTROL, body.toString(), null);
    }

    /**
     * Moves a guest's replies to their new id (the same guest under a new business-scoped user id), in the caller's
     * transaction: those not sent yet, held ones and open dead letters go to the new id.
     */
    public void moveGuest(String from, String to) {
        jdbc.update(
                "UPDATE outbox SET recipient = ? WHERE guest_id = ? AND recipient = ? AND state <> 'SENT'",
                to,
                from,
                from);
        jdbc.update("UPDATE outbox SET guest_id = ? WHERE guest_id = ?", to, from);
        jdbc.update("UPDATE dead_letter SET recipient = ? WHERE recipient = ? AND state = 'OPEN'", to, from);
    }

    private void insert(
            String guestId, String recipient, String phoneNumberId, String kind, String body, String inReplyTo) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.update(
                "INSERT INTO outbox (guest_id, recipient, phone_number_id, kind, body, in_reply_to, state, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                guestId,
                recipient,
                phoneNumberId,
                kind,
                body,
                inReplyTo,
                PENDING,
                now,
                now);
    }

    /**
     * A reply Meta took, as its statuses are matched to it: the guest it went to, and whether it carried a booking
     * link (a {@code cta_url} button).
     */
    public record SentReply(long id, String guestId, boolean bookingLink) {}

    /** The sent reply Meta answered with this wamid, if any. */
    public java.util.Optional<SentReply> sentReply(String wamid) {
        return jdbc
                .query(
                        "SELECT id, guest_id, kind, body FROM outbox WHERE sent_wamid = ?",
                        (rs, n) -> new SentReply(
                                rs.getLong(1),
                                rs.getString(2),
                                INTERACTIVE.equals(rs.getString(3))
                                        && InteractiveMessages.CTA_URL.equals(InteractiveMessages.read(rs.getString(4))
                                                .path("type")
                                                .asText())),
                        wamid)
                .stream()
                .findFirst();
    }

    /** The queued reply whose send Meta answered with this wamid, if any. */
    public java.util.Optional<Long> sentAs(String wamid) {
        return jdbc.queryForList("SELECT id FROM outbox WHERE sent_wamid = ?", Long.class, wamid).stream()
                .findFirst();
    }

    /** Meta reported, after accepting it, that the reply could not be delivered: the error is kept with it. */
    public void failedAfterSending(long id, Integer code, String title) {
        jdbc.update("UPDATE outbox SET last_error_code = ?, last_error = ? WHERE id = ?", code, title, id);
    }
}
