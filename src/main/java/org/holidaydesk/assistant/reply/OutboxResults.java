package org.holidaydesk.assistant.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what became of a claimed reply back to its outbox row and gives up the lease. Every update is
 * conditional on this replica still holding the lease, so a replica that lost it (it stalled longer than
 * the lease) cannot overwrite what the replica that took over recorded.
 */
@Component("outboxResults")
public class OutboxResults {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxResults.class);
    static final String SENT = "SENT";
    static final String SANDBOX_PREFIX = "sandbox.";
    private static final int MAX_ERROR = 1000;
    static final Duration POSTPONEMENT = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final String owner;
    private final Clock clock = Clock.systemUTC();

    public OutboxResults(JdbcTemplate jdbc, InstanceId instance) {
        this.jdbc = jdbc;
        this.owner = instance.value();
    }

    /** Meta accepted it: sent, with the message id that delivery statuses will name. */
    public void markSent(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        jdbc.update(
                "UPDATE outbox SET state = ?, sent_at = ?, sent_wamid = ?, attempts = attempts + 1,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                SENT,
                now(),
                outcome.result().messageId(),
                row.id(),
                owner);
        LOG.debug(
                "Reply {} ({}) to {} sent as {}",
                row.id(),
                row.kind(),
                Masking.recipient(row.recipient()),
                outcome.result().messageId());
    }

    /** A passing failure: the row waits for its next attempt. */
    public void retryLater(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        Timestamp now = now();
        Timestamp next = Timestamp.from(now.toInstant().plus(outcome.decision().delay()));
        jdbc.update(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error_code = ?, last_error = ?,"
                        + " first_failed_at = COALESCE(first_failed_at, ?), lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?",
                next,
                outcome.result().metaCode(),
                truncate(outcome.result().describe()),
                now,
                row.id(),
                owner);
        if (outcome.decision().alertOperator()) {
            LOG.warn(
                    "Meta limits this business number for spam (131048): replies to {} wait {} s before the next try. "
                            + "Check the number's quality rating in WhatsApp Manager; guests may be blocking or reporting it.",
                    Masking.recipient(row.recipient()),
                    outcome.decision().delay().toSeconds());
        } else {
            LOG.info(
                    "Reply {} to {} failed on attempt {} ({}); next try in {} ms",
                    row.id(),
                    Masking.recipient(row.recipient()),
                    row.attempts() + 1,
                    outcome.result().describe(),
                    outcome.decision().delay().toMillis());
        }
    }

    /**
     * Meta's pair rate limit: every pending reply of this recipient waits, so the next send to them comes
     * no sooner than the pacing delay; this row is retried first, keeping their order.
     */
    public void paceRecipient(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        retryLater(row, outcome);
        Timestamp next = Timestamp.from(clock.instant().plus(outcome.decision().delay()));
        jdbc.update(
                "UPDATE outbox SET next_attempt_at = ? WHERE recipient = ? AND state = ? AND next_attempt_at < ?",
                next,
                row.recipient(),
                Outbox.PENDING,
                next);
    }

    /** Sending is paused: the row stays pending, its attempt not counted against it. */
    public void hold(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        jdbc.update(
                "UPDATE outbox SET last_error_code = ?, last_error = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?",
                outcome.result().metaCode(),
                truncate(outcome.result().describe()),
                row.id(),
                owner);
    }

    /** Claimed but not sent (sending paused meanwhile): free for the next claim. */
    public void release(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        jdbc.update(
                "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                row.id(),
                owner);
    }

    /**
     * Not sent for want of a send slot (the database failed, or the replica stalled past its slot): the row
     * waits a moment, its attempt not counted, so that the next claims do not spin on it while the cause lasts.
     */
    public void postpone(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        jdbc.update(
                "UPDATE outbox SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                Timestamp.from(clock.instant().plus(POSTPONEMENT)),
                row.id(),
                owner);
    }

    /** Development without an access token: the reply is delivered to the local sandbox, where the simulator shows it. */
    public void deliverToSandbox(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        jdbc.update(
                "UPDATE outbox SET state = ?, sent_at = ?, sent_wamid = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?",
                SENT,
                now(),
                SANDBOX_PREFIX + row.id(),
                row.id(),
                owner);
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
