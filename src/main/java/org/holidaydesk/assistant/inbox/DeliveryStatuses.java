package org.holidaydesk.assistant.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.apache.camel.Body;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.reply.Reengagement;
import org.holidaydesk.assistant.webhook.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records Meta's delivery statuses: counted by status, each linked to the outbox row whose send returned
 * that message id, failures kept with Meta's error code; a reply reported past the 24-hour window (131047)
 * goes to {@link Reengagement}.
 */
@Component("deliveryStatuses")
public class DeliveryStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatuses.class);

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    private final Reengagement reengagement;
    private final Outbox outbox;

    public DeliveryStatuses(JdbcTemplate jdbc, MeterRegistry meters, Reengagement reengagement, Outbox outbox) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.reengagement = reengagement;
        this.outbox = outbox;
    }

    /** Deletes statuses received before {@code cutoff}. */
    public int forgetBefore(java.time.Instant cutoff) {
        return jdbc.update("DELETE FROM message_status WHERE received_at < ?", Timestamp.from(cutoff));
    }

    public void record(@Body DeliveryStatus status) {
        Long outboxId = outbox.sentAs(status.wamid()).orElse(null);
        int inserted = jdbc.update(
                "INSERT INTO message_status (wamid, status, recipient, outbox_id, error_code, error_title,"
                        + " reported_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                status.wamid(),
                status.status(),
                status.recipient(),
                outboxId,
                status.errorCode(),
                status.errorTitle(),
                Timestamp.from(status.reportedAt()),
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return;
        }
        meters.counter("whatsapp.statuses", "status", status.status().toLowerCase(Locale.ROOT))
                .increment();
        if (status.errorCode() != null) {
            if (outboxId != null) {
                outbox.failedAfterSending(outboxId, status.errorCode(), status.errorTitle());
                reengagement.failedAfterSending(outboxId, status.errorCode(), status.errorTitle());
            }
            LOG.warn(
                    "Meta reports message {} as {} with error {} ({}){}",
                    status.wamid(),
                    status.status(),
                    status.errorCode(),
                    status.errorTitle(),
                    outboxId == null ? "" : ", reply " + outboxId);
        }
    }
}
