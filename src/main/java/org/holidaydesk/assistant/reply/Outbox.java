package org.holidaydesk.assistant.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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

    /** Queues the read receipt and typing indicator for one guest message. */
    public void enqueueReadReceipt(String guestId, String recipient, String phoneNumberId, String wamid) {
        insert(guestId, recipient, phoneNumberId, READ, "", wamid);
    }

    /** Deletes replies sent before {@code cutoff}; pending, held and dead-lettered ones stay. */
    public int forgetSentBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM outbox WHERE state = 'SENT' AND sent_at < ?", Timestamp.from(cutoff));
    }

    private void insert(String guestId, String recipient, String phoneNumberId, String kind, String body, String inReplyTo) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.update("INSERT INTO outbox (guest_id, recipient, phone_number_id, kind, body, in_reply_to, state, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                guestId, recipient, phoneNumberId, kind, body, inReplyTo, PENDING, now, now);
    }
}
