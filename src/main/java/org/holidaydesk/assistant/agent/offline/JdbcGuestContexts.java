package org.holidaydesk.assistant.agent.offline;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.holidaydesk.assistant.config.AgentProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Guest contexts in the {@code guest_context} table, one row per guest. A context older than
 * {@code assistant.agent.context-ttl} is not read back: a guest writing days later starts afresh.
 * Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL: an upsert is an update, then an insert
 * when there was nothing to update.
 */
@Repository
class JdbcGuestContexts implements GuestContexts {

    /** Between the remembered feature terms; no term has it. */
    private static final String FEATURE_SEPARATOR = "|";

    private static final int FEATURES_COLUMN = 512;

    private final JdbcTemplate jdbc;
    private final AgentProperties properties;
    private final Clock clock;

    @Autowired
    JdbcGuestContexts(JdbcTemplate jdbc, AgentProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    JdbcGuestContexts(JdbcTemplate jdbc, AgentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public GuestContext load(String guestId) {
        Timestamp notBefore = Timestamp.from(clock.instant().minus(properties.contextTtl()));
        List<GuestContext> rows = jdbc.query(
                "SELECT check_in, check_out, stay_month, nights, guests, property, features"
                        + " FROM guest_context WHERE guest_id = ? AND updated_at >= ?",
                (rs, i) -> new GuestContext(
                        date(rs.getDate(1)),
                        date(rs.getDate(2)),
                        rs.getString(3) == null ? null : YearMonth.parse(rs.getString(3)),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, Integer.class),
                        rs.getString(6),
                        features(rs.getString(7))),
                guestId,
                notBefore);
        return rows.isEmpty() ? GuestContext.EMPTY : rows.get(0);
    }

    @Override
    public void save(String guestId, GuestContext context) {
        Object[] values = {
            sql(context.checkIn()),
            sql(context.checkOut()),
            context.month() == null ? null : context.month().toString(),
            context.nights(),
            context.guests(),
            context.property(),
            joined(context.features()),
            Timestamp.from(clock.instant()),
            guestId
        };
        String update = "UPDATE guest_context SET check_in = ?, check_out = ?, stay_month = ?, nights = ?, guests = ?,"
                + " property = ?, features = ?, updated_at = ? WHERE guest_id = ?";
        if (jdbc.update(update, values) == 0) {
            try {
                jdbc.update(
                        "INSERT INTO guest_context (check_in, check_out, stay_month, nights, guests, property,"
                                + " features, updated_at, guest_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        values);
            } catch (DuplicateKeyException insertedMeanwhile) {
                jdbc.update(update, values);
            }
        }
    }

    @Override
    public void forget(String guestId) {
        jdbc.update("DELETE FROM guest_context WHERE guest_id = ?", guestId);
    }

    /** Deletes the contexts too old to be read back; returns how many. */
    @Override
    public void moveGuest(String from, String to) {
        if (jdbc.update(
                        "UPDATE guest_context SET guest_id = ? WHERE guest_id = ? AND NOT EXISTS"
                                + " (SELECT 1 FROM guest_context c WHERE c.guest_id = ?)",
                        to,
                        from,
                        to)
                == 0) {
            jdbc.update("DELETE FROM guest_context WHERE guest_id = ?", from);
        }
    }

    public int forgetExpired() {
        return jdbc.update(
                "DELETE FROM guest_context WHERE updated_at < ?",
                Timestamp.from(clock.instant().minus(properties.contextTtl())));
    }

    /** The terms as one column value, as many as fit in it. */
    private static String joined(List<String> features) {
        StringBuilder joined = new StringBuilder();
        for (String feature : features) {
            int length = joined.length() + (joined.isEmpty() ? 0 : FEATURE_SEPARATOR.length()) + feature.length();
            if (length > FEATURES_COLUMN) {
                break;
            }
            joined.append(joined.isEmpty() ? "" : FEATURE_SEPARATOR).append(feature);
        }
        return joined.isEmpty() ? null : joined.toString();
    }

    private static List<String> features(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : List.of(joined.split(java.util.regex.Pattern.quote(FEATURE_SEPARATOR)));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
