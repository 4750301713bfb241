package org.holidaydesk.assistant.reply;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The text replies queued for one guest, as the development simulator shows them: with no access token
 * they are delivered to this local sandbox instead of to WhatsApp.
 */
@Component
public class SandboxReplies {

    private static final int MAX_REPLIES = 200;

    /** One reply as the simulator shows it. */
    public record SandboxReply(long id, String text, String state, Instant queuedAt, Instant deliveredAt) {
    }

    private final JdbcTemplate jdbc;

    public SandboxReplies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The guest's text replies in the order they were queued (the most recent 200). */
    public List<SandboxReply> forGuest(String guestId) {
        List<SandboxReply> newestFirst = jdbc.query("SELECT id, body, state, created_at, sent_at FROM outbox"
                        + " WHERE guest_id = ? AND kind = ? ORDER BY id DESC LIMIT ?",
                (rs, i) -> new SandboxReply(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))),
                guestId, Outbox.TEXT, MAX_REPLIES);
        return newestFirst.reversed();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
