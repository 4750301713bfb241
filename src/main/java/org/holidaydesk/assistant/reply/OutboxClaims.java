package org.holidaydesk.assistant.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.holidaydesk.assistant.config.RowLocking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands due replies to the replicas, one per recipient and always that recipient's oldest pending one,
 * so that a guest's replies go out in the order they were queued however many replicas send.
 *
 * <p>A row is claimable when it is pending, due, not leased, and no older row of the same recipient is
 * still pending. The claim locks it ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, see {@link RowLocking}, so replicas never wait on each
 * other) and leases it; the next row of that recipient only becomes claimable once this one is sent or
 * dead-lettered. A replica that dies mid-send leaves a lease that runs out, and another replica sends
 * the row again. While sending is paused only one probe row is claimed, every probe interval.
 */
@Component("outboxClaims")
public class OutboxClaims {

    private static final String DUE = "SELECT o.id FROM outbox o WHERE o.state = ? AND o.next_attempt_at <= ?"
            + " AND (o.lease_until IS NULL OR o.lease_until < ?)"
            + " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.recipient = o.recipient AND e.state = ? AND e.id < o.id)"
            + " ORDER BY o.id LIMIT ?";

    private final JdbcTemplate jdbc;
    private final ReplyProperties properties;
    private final SendingPause pause;
    private final String owner;
    private final Clock clock;
    private final String due;

    @Autowired
    public OutboxClaims(
            JdbcTemplate jdbc,
            ReplyProperties properties,
            SendingPause pause,
            InstanceId instance,
            RowLocking locking) {
        this(jdbc, properties, pause, instance.value(), Clock.systemUTC(), locking.skipLocked());
    }

    /** A replica of its own that locks what it claims, as on PostgreSQL (tests of several replicas). */
    OutboxClaims(JdbcTemplate jdbc, ReplyProperties properties, SendingPause pause, String owner, Clock clock) {
        this(jdbc, properties, pause, owner, clock, " FOR UPDATE SKIP LOCKED");
    }

    private OutboxClaims(
            JdbcTemplate jdbc,
            ReplyProperties properties,
            SendingPause pause,
            String owner,
            Clock clock,
            String skipLocked) {
        this.due = DUE + skipLocked;
        this.jdbc = jdbc;
        this.properties = properties;
        this.pause = pause;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * Replies queued by {@code queuedBy} that this replica could send right now or is sending: pending, due,
     * not leased by another replica, and first in their recipient's line. What a replica that shuts down
     * waits for; none while sending is paused.
     */
    public int dueFromHere(java.time.Instant queuedBy) {
        if (pause.paused()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Integer due = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox o WHERE o.state = ? AND o.created_at <= ?"
                        + " AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until < ? OR o.lease_owner = ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.recipient = o.recipient AND e.state = ? AND e.id < o.id)",
                Integer.class,
                Outbox.PENDING,
                Timestamp.from(queuedBy),
                now,
                now,
                owner,
                Outbox.PENDING);
        return due == null ? 0 : due;
    }

    /** Claims due replies (see {@link RowLocking}). */
    @Transactional
    public List<OutboundMessage> claim() {
        boolean probe = pause.paused();
        if (probe && !pause.takeProbe()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(now.toInstant().plus(properties.claimLease()));
        List<Long> ids = RowLocking.take(
                jdbc,
                "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?"
                        + " AND state = ? AND (lease_until IS NULL OR lease_until < ?)",
                jdbc.queryForList(
                        due, Long.class, Outbox.PENDING, now, now, Outbox.PENDING, probe ? 1 : properties.claimBatch()),
                id -> new Object[] {owner, until, id, Outbox.PENDING, now});
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
        return jdbc.query(
                "SELECT id, guest_id, recipient, phone_number_id, kind, body, in_reply_to, attempts FROM outbox"
                        + " WHERE id IN (" + placeholders + ") ORDER BY id",
                (rs, i) -> new OutboundMessage(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        probe),
                ids.toArray());
    }
}
