package org.holidaydesk.assistant.support;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the outbox and dead-letter tables hold, read straight from the database. */
public final class OutboxRows {

    private final JdbcTemplate jdbc;

    public OutboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            long id,
            String recipient,
            String kind,
            String body,
            String state,
            int attempts,
            String sentWamid,
            Integer lastErrorCode) {}

    /** The recipient's rows in queue (id) order. */
    public List<Row> to(String recipient) {
        return jdbc.query(
                "SELECT id, recipient, kind, body, state, attempts, sent_wamid, last_error_code FROM outbox"
                        + " WHERE recipient = ? ORDER BY id",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        (Integer) rs.getObject(8)),
                recipient);
    }

    public boolean allIn(String recipient, String state) {
        List<Row> rows = to(recipient);
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.state().equals(state));
    }

    public List<Map<String, Object>> deadLettersOf(long outboxId) {
        return jdbc.queryForList("SELECT * FROM dead_letter WHERE outbox_id = ?", outboxId);
    }
}
