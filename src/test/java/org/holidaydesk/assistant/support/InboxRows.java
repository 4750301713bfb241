package org.holidaydesk.assistant.support;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the inbox table holds, read straight from the database. */
public final class InboxRows {

    private final JdbcTemplate jdbc;

    public InboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, String signature, byte[] payload) {}

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
        return count == null ? 0 : count;
    }

    public Row newest() {
        List<Row> rows = jdbc.query(
                "SELECT id, signature, payload FROM inbox ORDER BY id DESC LIMIT 1",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
        return rows.isEmpty() ? null : rows.get(0);
    }
}
