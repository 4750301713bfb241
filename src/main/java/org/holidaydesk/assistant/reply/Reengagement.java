package org.holidaydesk.assistant.reply;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.config.ReengagementProperties;
import org.holidaydesk.assistant.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies that come too late for WhatsApp's 24-hour window (Meta's 131047, on the send or later in a
 * failed status). With {@code WHATSAPP_REENGAGE_TEMPLATE} set, the reply is held (state
 * {@value #AWAITING}), the guest gets the approved template inviting them to continue (once, not again
 * while one is on its way or was sent within the window), and the held replies go out, in order, as soon
 * as the guest writes again. Without a template, such a reply is dead-lettered with the reason.
 */
@Component("reengagement")
public class Reengagement {

    /** A reply held until the guest writes again. */
    public static final String AWAITING = "AWAITING_GUEST";

    static final int OUTSIDE_WINDOW = 131047;
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(Reengagement.class);

    private final JdbcTemplate jdbc;
    private final ReengagementProperties properties;
    private final Outbox outbox;
    private final DeadLetters deadLetters;
    private final String owner;
    private final Counter invitations;
    private final Clock clock = Clock.systemUTC();

    public Reengagement(
            JdbcTemplate jdbc,
            ReengagementProperties properties,
            Outbox outbox,
            DeadLetters deadLetters,
            InstanceId instance,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.owner = instance.value();
        this.invitations = Counter.builder("whatsapp.reengagements")
                .description("Re-engagement templates queued for replies past the 24-hour window")
                .register(meters);
    }

    /** True when this failed send is a reply past the window that a template can rescue. */
    public boolean applies(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        Integer code = outcome.result().metaCode();
        return properties.configured() && code != null && code == OUTSIDE_WINDOW && rescuable(row.kind());
    }

    /** Holds the claimed reply until the guest writes again and invites the guest to continue. */
    @Transactional
    public void hold(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row, @Body SendOutcome outcome) {
        int held = jdbc.update(
                "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error_code = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                AWAITING,
                outcome.result().metaCode(),
                OutboxResults.truncate(outcome.result().describe()),
                row.id(),
                owner);
        if (held == 1) {
            invite(row.guestId(), row.recipient(), row.phoneNumberId());
        }
    }

    /**
     * Meta accepted a reply, then reported it failed with 131047: it is held again as a new reply and the
     * guest invited, or, without a template, dead-lettered with the reason.
     */
    @Transactional
    public void failedAfterSending(long outboxId, int code, String title) {
        if (code != OUTSIDE_WINDOW) {
            return;
        }
        List<Sent> rows = jdbc.query(
                "SELECT guest_id, recipient, phone_number_id, kind FROM outbox WHERE id = ? AND state = 'SENT'",
                (rs, i) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                outboxId);
        if (rows.isEmpty() || !rescuable(rows.get(0).kind())) {
            return;
        }
        String reason = "outside the 24-hour window (131047" + (title == null ? "" : ": " + title)
                + "), reported after sending";
        if (!properties.configured()) {
            deadLetters.recordAfterSending(outboxId, code, reason);
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO outbox (guest_id, recipient, phone_number_id, kind, body, in_reply_to, state, attempts,"
                        + " next_attempt_at, created_at, last_error_code, last_error) SELECT guest_id, recipient, phone_number_id,"
                        + " kind, body, in_reply_to, ?, 0, ?, ?, ?, ? FROM outbox WHERE id = ?",
                AWAITING,
                now,
                now,
                code,
                OutboxResults.truncate(reason),
                outboxId);
        Sent sent = rows.get(0);
        invite(sent.guestId(), sent.recipient(), sent.phoneNumberId());
    }

    /** The guest wrote again: their held replies are due, in the order they were queued. Returns how many. */
    public int guestWrote(String guestId) {
        int released = jdbc.update(
                "UPDATE outbox SET state = ?, next_attempt_at = ? WHERE state = ? AND guest_id = ?",
                Outbox.PENDING,
                Timestamp.from(clock.instant()),
                AWAITING,
                guestId);
        if (released > 0) {
            LOG.info(
                    "{} held repl{} to {} due again: the guest wrote",
                    released,
                    released == 1 ? "y" : "ies",
                    Masking.recipient(guestId));
        }
        return released;
    }

    private void invite(String guestId, String recipient, String phoneNumberId) {
        Timestamp windowStart = Timestamp.from(clock.instant().minus(WINDOW));
        Integer recent = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND kind = ?"
                        + " AND (state = ? OR (state = 'SENT' AND sent_at >= ?))",
                Integer.class,
                recipient,
                Outbox.TEMPLATE,
                Outbox.PENDING,
                windowStart);
        if (recent != null && recent > 0) {
            return;
        }
        outbox.enqueueTemplate(guestId, recipient, phoneNumberId, properties.templateName(), properties.languageCode());
        invitations.increment();
        LOG.info(
                "A reply to {} came past the 24-hour window: template {} queued, the reply waits for the guest",
                Masking.recipient(recipient),
                properties.templateName());
    }

    private static boolean rescuable(String kind) {
        return Outbox.TEXT.equals(kind) || Outbox.INTERACTIVE.equals(kind);
    }

    private record Sent(String guestId, String recipient, String phoneNumberId, String kind) {}
}
