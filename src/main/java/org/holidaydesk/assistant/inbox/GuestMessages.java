package org.holidaydesk.assistant.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Body;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.webhook.InboundMessage;
import org.holidaydesk.assistant.reply.Reengagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each guest message once, keyed by its wamid, and schedules the guest's next turn. The table
 * is the idempotency record shared by all replicas: Meta's redelivery of a message finds its wamid and
 * is dropped. Messages that get no answer (reactions, system messages) are recorded as already handled.
 */
@Component("guestMessages")
public class GuestMessages {

    public static final String PENDING = "PENDING";
    public static final String ANSWERED = "ANSWERED";
    public static final String IGNORED = "IGNORED";
    private static final Logger LOG = LoggerFactory.getLogger(GuestMessages.class);

    private final JdbcTemplate jdbc;
    private final GuestAliases aliases;
    private final PipelineProperties properties;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Clock clock = Clock.systemUTC();

    private final Reengagement reengagement;

    public GuestMessages(JdbcTemplate jdbc, GuestAliases aliases, PipelineProperties properties, MeterRegistry meters,
                         Reengagement reengagement) {
        this.jdbc = jdbc;
        this.reengagement = reengagement;
        this.aliases = aliases;
        this.properties = properties;
        this.meters = meters;
        this.duplicates = Counter.builder("whatsapp.duplicates").description("Redelivered guest messages dropped")
                .register(meters);
    }

    /**
     * Records the message under its guest (the one its user id was first seen with, when it names no phone
     * number) and to the address Meta gave; false when its wamid was already known (a redelivery).
     */
    @Transactional
    public boolean record(@Body InboundMessage message) {
        Instant now = clock.instant();
        String guestId = aliases.guestOf(message);
        boolean answered = message.kind().handling() != MessageKind.Handling.NONE;
        int inserted = jdbc.update("INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, body,"
                        + " sent_at, received_at, state, handled_at, media_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                message.wamid(), guestId, message.replyTo(), message.phoneNumberId(), message.kind().name(),
                message.text(), Timestamp.from(message.sentAt()), Timestamp.from(now), answered ? PENDING : IGNORED,
                answered ? null : Timestamp.from(now), message.mediaId());
        if (inserted == 0) {
            duplicates.increment();
            LOG.debug("Message already recorded: Meta delivered it again");
            return false;
        }
        LOG.debug("Recorded a {} message from guest {}{}", message.kind().name().toLowerCase(java.util.Locale.ROOT),
                Masking.recipient(guestId), answered ? "" : " (no answer needed)");
        meters.counter("whatsapp.messages.received", "type", message.kind().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        touchGuest(guestId, message.displayName(), answered ? Timestamp.from(now) : null,
                Timestamp.from(now));
        // the guest's 24-hour window is open again: replies held for it are due
        reengagement.guestWrote(guestId);
        return true;
    }

    private void touchGuest(String guestId, String displayName, Timestamp readyAt, Timestamp now) {
        String setReady = readyAt == null ? "" : ", ready_at = ?";
        Object[] updateArgs = readyAt == null
                ? new Object[] {displayName, now, guestId}
                : new Object[] {displayName, now, readyAt, guestId};
        String update = "UPDATE guest SET display_name = COALESCE(?, display_name), updated_at = ?" + setReady
                + " WHERE guest_id = ?";
        if (jdbc.update(update, updateArgs) == 0) {
            int created = jdbc.update("INSERT INTO guest (guest_id, display_name, ready_at, updated_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", guestId, displayName, readyAt, now);
            if (created == 0) {
                jdbc.update(update, updateArgs);
            }
        }
    }

    /** When data older than the retention may go: Meta redelivers for up to 7 days. */
    public java.time.Instant retentionCutoff() {
        return clock.instant().minus(properties.idempotencyRetention());
    }

    /** Forgets message ids older than the retention (Meta redelivers for up to 7 days). */
    public int forgetOld() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.idempotencyRetention()));
        return jdbc.update("DELETE FROM guest_message WHERE received_at < ? AND state <> ?", cutoff, PENDING);
    }
}
