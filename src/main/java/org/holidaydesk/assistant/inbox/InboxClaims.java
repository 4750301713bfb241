package org.holidaydesk.assistant.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.RowLocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands stored callbacks to the replicas: each poll claims the oldest unprocessed rows that no other
 * replica holds ({@code FOR UPDATE SKIP LOCKED}, then a lease), so any number of replicas share the
 * inbox and a crashed replica's claim runs out and is taken over.
 */
@Component("inboxClaims")
public class InboxClaims {

    private static final Logger LOG = LoggerFactory.getLogger(InboxClaims.class);

    /** A claimed inbox row. */
    public record ClaimedCallback(long id, Instant receivedAt, byte[] payload) {}

    private final JdbcTemplate jdbc;
    private final PipelineProperties properties;
    private final String owner;
    private final IngressPressure pressure;
    private final String claimable;
    private final Clock clock = Clock.systemUTC();

    public InboxClaims(
            JdbcTemplate jdbc,
            PipelineProperties properties,
            InstanceId instance,
            IngressPressure pressure,
            RowLocking locking) {
        this.jdbc = jdbc;
        // ordered as the index (processed_at, id) is, so that the oldest rows are read off it, not sorted
        this.claimable =
                "SELECT id FROM inbox WHERE processed_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)"
                        + " ORDER BY processed_at, id LIMIT ?" + locking.skipLocked();
        this.pressure = pressure;
        this.properties = properties;
        this.owner = instance.value();
    }

    /** Claims the oldest unclaimed callbacks (see {@link RowLocking}). */
    @Transactional
    public List<ClaimedCallback> claim() {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(now.toInstant().plus(properties.claimLease()));
        List<Long> ids = RowLocking.take(
                jdbc,
                "UPDATE inbox SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                        + " AND processed_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)",
                jdbc.queryForList(claimable, Long.class, now, pressure.claimBatch()),
                id -> new Object[] {owner, until, id, now});
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query(
                "SELECT id, received_at, payload FROM inbox WHERE id IN (" + placeholders + ") ORDER BY id",
                (rs, i) -> new ClaimedCallback(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3)),
                ids.toArray());
    }

    public void markProcessed(@Header(InboxRoute.INBOX_ID) long inboxId) {
        jdbc.update("UPDATE inbox SET processed_at = ? WHERE id = ?", Timestamp.from(clock.instant()), inboxId);
    }

    /** Moves a callback that cannot be parsed aside, with the reason, and marks it processed. */
    @Transactional
    public void quarantine(
            @Header(InboxRoute.INBOX_ID) long inboxId, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (reason.length() > 1000) {
            reason = reason.substring(0, 1000);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO inbox_quarantine (inbox_id, reason, payload, quarantined_at)"
                        + " SELECT id, ?, payload, ? FROM inbox WHERE id = ?",
                reason,
                now,
                inboxId);
        jdbc.update("UPDATE inbox SET processed_at = ? WHERE id = ?", now, inboxId);
        // the reason may quote the payload, so the log names only the kind of failure; the table keeps it all
        LOG.warn(
                "Inbox row {} quarantined ({}); the reason is in inbox_quarantine",
                inboxId,
                cause == null ? "unknown" : cause.getClass().getSimpleName());
    }

    /** Deletes processed callbacks and quarantined ones older than the retention (Meta redelivers for up to 7 days). */
    public int forgetProcessed() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.idempotencyRetention()));
        jdbc.update("DELETE FROM inbox_quarantine WHERE quarantined_at < ?", cutoff);
        return jdbc.update("DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at < ?", cutoff);
    }

    /** Age in seconds of the oldest callback not yet processed; 0 when there is none. */
    public double oldestPendingAgeSeconds() {
        Timestamp oldest =
                jdbc.queryForObject("SELECT MIN(received_at) FROM inbox WHERE processed_at IS NULL", Timestamp.class);
        return oldest == null ? 0 : Math.max(0, (clock.millis() - oldest.getTime()) / 1000.0);
    }
}
