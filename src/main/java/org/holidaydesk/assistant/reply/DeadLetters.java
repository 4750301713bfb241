package org.holidaydesk.assistant.reply;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies that will not be delivered without an operator. Dead-lettering marks the outbox row DEAD and
 * keeps a copy with the reason, Meta's code, the attempts and when it first and last failed; the guest's
 * later replies go on. An operator replays one (queued again as a new reply, after whatever is pending
 * for that guest) or discards it.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    public static final String OPEN = "OPEN";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";
    static final String DEAD = "DEAD";

    /**
     * A dead letter as operators see it: the recipient masked, never the message.
     */
    public record DeadLetter(
            long id,
            long outboxId,
            String recipient,
            String kind,
            String reason,
            Integer metaCode,
            int attempts,
            Instant firstFailedAt,
            Instant lastFailedAt,
            String state) {}

    /** What an operator's action came to. */
    public enum Resolution {
        DONE,
        UNKNOWN,
        NOT_OPEN
    }

    private final JdbcTemplate jdbc;
    private final String owner;
    private final Clock clock = Clock.systemUTC();

    public DeadLetters(JdbcTemplate jdbc, InstanceId instance) {
        this.jdbc = jdbc;
        this.owner = instance.value();
    }

    /** Moves the claimed row to the dead letters, with the outcome that ended it. */
    @Transactional
    public void record(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        Timestamp now = Timestamp.from(clock.instant());
        String reason = OutboxResults.truncate(outcome.decision().reason());
        int moved = jdbc.update(
                "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error_code = ?, last_error = ?,"
                        + " first_failed_at = COALESCE(first_failed_at, ?), lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?",
                DEAD,
                outcome.result().metaCode(),
                reason,
                now,
                row.id(),
                owner);
        if (moved == 0) {
            return;
        }
        jdbc.update(
                "INSERT INTO dead_letter (outbox_id, recipient, phone_number_id, kind, body, reason, meta_code, attempts,"
                        + " first_failed_at, last_failed_at, state) SELECT id, recipient, phone_number_id, kind, body, ?,"
                        + " last_error_code, attempts, first_failed_at, ?, ? FROM outbox WHERE id = ?",
                reason,
                now,
                OPEN,
                row.id());
        LOG.warn(
                "Reply {} ({}) to {} dead-lettered after {} attempt(s): {}. List and replay or discard it at "
                        + "/actuator/deadletters on the management port.",
                row.id(),
                row.kind(),
                Masking.recipient(row.recipient()),
                row.attempts() + 1,
                reason);
        if (outcome.decision().alertOperator()) {
            LOG.error(
                    "Meta blocks this business from sending this way ({}): check the account's status and messaging "
                            + "features in WhatsApp Manager before replaying.",
                    outcome.result().metaCode());
        }
    }

    /**
     * Moves a reply Meta accepted, then reported undeliverable, to the dead letters with the reason.
     */
    @Transactional
    public void recordAfterSending(long outboxId, int metaCode, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        String why = OutboxResults.truncate(reason);
        int moved = jdbc.update(
                "UPDATE outbox SET state = ?, last_error_code = ?, last_error = ?,"
                        + " first_failed_at = COALESCE(first_failed_at, ?) WHERE id = ? AND state = 'SENT'",
                DEAD,
                metaCode,
                why,
                now,
                outboxId);
        if (moved == 0) {
            return;
        }
        jdbc.update(
                "INSERT INTO dead_letter (outbox_id, recipient, phone_number_id, kind, body, reason, meta_code, attempts,"
                        + " first_failed_at, last_failed_at, state) SELECT id, recipient, phone_number_id, kind, body, ?,"
                        + " last_error_code, attempts, first_failed_at, ?, ? FROM outbox WHERE id = ?",
                why,
                now,
                OPEN,
                outboxId);
        LOG.warn(
                "Reply {} was accepted, then reported undeliverable ({}); dead-lettered. List and replay or discard it at "
                        + "/actuator/deadletters on the management port.",
                outboxId,
                why);
    }

    /** Every dead letter, newest first (at most {@code limit}). */
    public List<DeadLetter> list(int limit) {
        return jdbc.query(
                "SELECT id, outbox_id, recipient, kind, reason, meta_code, attempts, first_failed_at,"
                        + " last_failed_at, state FROM dead_letter ORDER BY id DESC LIMIT ?",
                DeadLetters::row,
                limit);
    }

    /** One guest's dead letters, newest first (at most {@code limit}). */
    public List<DeadLetter> ofGuest(String guestId, int limit) {
        return jdbc.query(
                "SELECT d.id, d.outbox_id, d.recipient, d.kind, d.reason, d.meta_code, d.attempts, d.first_failed_at,"
                        + " d.last_failed_at, d.state FROM dead_letter d JOIN outbox o ON o.id = d.outbox_id WHERE o.guest_id = ?"
                        + " ORDER BY d.id DESC LIMIT ?",
                DeadLetters::row,
                guestId,
                limit);
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc
                .query(
                        "SELECT id, outbox_id, recipient, kind, reason, meta_code, attempts, first_failed_at,"
                                + " last_failed_at, state FROM dead_letter WHERE id = ?",
                        DeadLetters::row,
                        id)
                .stream()
                .findFirst();
    }

    /** Queues the reply again as a new pending row; the dead letter becomes REPLAYED. */
    @Transactional
    public Resolution replay(long id) {
        Resolution taken = resolve(id, REPLAYED);
        if (taken != Resolution.DONE) {
            return taken;
        }
        Queued original = jdbc.queryForObject(
                "SELECT o.guest_id, d.recipient, d.phone_number_id, d.kind, d.body,"
                        + " o.in_reply_to FROM dead_letter d JOIN outbox o ON o.id = d.outbox_id WHERE d.id = ?",
                (rs, i) -> new Queued(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                id);
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO outbox (guest_id, recipient, phone_number_id,"
                                    + " kind, body, in_reply_to, state, attempts, next_attempt_at, created_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, original.guestId());
                    insert.setString(2, original.recipient());
                    insert.setString(3, original.phoneNumberId());
                    insert.setString(4, original.kind());
                    insert.setString(5, original.body());
                    insert.setString(6, original.inReplyTo());
                    insert.setString(7, Outbox.PENDING);
                    insert.setTimestamp(8, now);
                    insert.setTimestamp(9, now);
                    return insert;
                },
                key);
        long replayId = key.getKey().longValue();
        jdbc.update("UPDATE dead_letter SET replay_outbox_id = ? WHERE id = ?", replayId, id);
        LOG.info("Dead letter {} replayed by an operator as reply {}", id, replayId);
        return Resolution.DONE;
    }

    /** Gives the reply up for good; the dead letter becomes DISCARDED. */
    @Transactional
    public Resolution discard(long id) {
        Resolution taken = resolve(id, DISCARDED);
        if (taken == Resolution.DONE) {
            LOG.info("Dead letter {} discarded by an operator", id);
        }
        return taken;
    }

    /** Dead letters waiting for an operator: {@code whatsapp_dead_letters}. */
    public long openCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE state = ?", Long.class, OPEN);
        return count == null ? 0 : count;
    }

    private Resolution resolve(long id, String state) {
        int changed = jdbc.update(
                "UPDATE dead_letter SET state = ?, resolved_at = ? WHERE id = ? AND state = ?",
                state,
                Timestamp.from(clock.instant()),
                id,
                OPEN);
        if (changed == 1) {
            return Resolution.DONE;
        }
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE id = ?", Integer.class, id);
        return exists != null && exists > 0 ? Resolution.NOT_OPEN : Resolution.UNKNOWN;
    }

    private record Queued(
            String guestId, String recipient, String phoneNumberId, String kind, String body, String inReplyTo) {}

    private static DeadLetter row(ResultSet rs, int i) throws SQLException {
        Integer code = rs.getObject(6) == null ? null : rs.getInt(6);
        return new DeadLetter(
                rs.getLong(1),
                rs.getLong(2),
                Masking.recipient(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                code,
                rs.getInt(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                rs.getString(10));
    }
}
