package org.holidaydesk.assistant.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.webhook.InboundMessage;
import org.holidaydesk.assistant.webhook.PersonMessage;
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

    /**
     * A message waiting for its answer.
     *
     * @param readQueued whether its read receipt is already queued
     */
    public record Pending(String wamid, String replyTo, String phoneNumberId, MessageKind kind, String body,
                          Instant sentAt, String mediaId, Instant receivedAt, boolean readQueued) {
    }

    /** Where the guest's messages last came from: the address to answer and the business number they wrote to. */
    public record Address(String replyTo, String phoneNumberId) {
    }

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

    /** The guest's messages waiting for an answer, oldest first. */
    public List<Pending> pending(String guestId) {
        return jdbc.query("SELECT wamid, reply_to, phone_number_id, kind, body, sent_at, media_id, received_at, read_queued"
                        + " FROM guest_message WHERE guest_id = ? AND state = ? ORDER BY sent_at, received_at, wamid",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), MessageKind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getBoolean(9)),
                guestId, PENDING);
    }

    /** How many of the guest's messages wait for an answer. */
    public int pendingCount(String guestId) {
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND state = ?",
                Integer.class, guestId, PENDING);
        return pending == null ? 0 : pending;
    }

    /** How many messages that want an answer the guest wrote since {@code since}. */
    public int answerableSince(String guestId, Instant since) {
        Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND received_at >= ?"
                + " AND state <> ?", Integer.class, guestId, Timestamp.from(since), IGNORED);
        return recent == null ? 0 : recent;
    }

    /** Notes that the messages' read receipts are queued. */
    public void readQueued(List<String> wamids) {
        jdbc.batchUpdate("UPDATE guest_message SET read_queued = TRUE WHERE wamid = ?",
                wamids.stream().map(w -> new Object[] {w}).toList());
    }

    /** Marks the messages answered at {@code at}. */
    public void answered(List<String> wamids, Instant at) {
        Object[] args = new Object[wamids.size() + 2];
        args[0] = ANSWERED;
        args[1] = Timestamp.from(at);
        for (int i = 0; i < wamids.size(); i++) {
            args[i + 2] = wamids.get(i);
        }
        jdbc.update("UPDATE guest_message SET state = ?, handled_at = ? WHERE wamid IN ("
                + String.join(",", Collections.nCopies(wamids.size(), "?")) + ")", args);
    }

    /**
     * Keeps, once, what a person at the business wrote to the guest from the WhatsApp Business app, as a
     * message that needs no answer; false when it was already kept (Meta delivered it again).
     */
    public boolean recordPersonMessage(String guestId, PersonMessage message) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, body, sent_at,"
                        + " received_at, state, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                message.wamid(), guestId, message.guestAddress(), message.phoneNumberId() == null ? "" : message.phoneNumberId(),
                MessageKind.PERSON.name(), message.text(), Timestamp.from(message.sentAt()), now, IGNORED, now) > 0;
    }

    /** Where the guest last wrote from (a person's message aside); empty when they never wrote. */
    public Optional<Address> latestAddress(String guestId) {
        return jdbc.query("SELECT reply_to, phone_number_id FROM guest_message WHERE guest_id = ? AND kind <> ?"
                        + " ORDER BY received_at DESC LIMIT 1",
                (rs, i) -> new Address(rs.getString(1), rs.getString(2)), guestId, MessageKind.PERSON.name())
                .stream().findFirst();
    }

    /** The text of the guest's last {@code count} messages that have text, newest first (a person's aside). */
    public List<String> lastTexts(String guestId, int count) {
        return jdbc.queryForList("SELECT body FROM guest_message WHERE guest_id = ? AND body IS NOT NULL AND kind <> ?"
                + " ORDER BY received_at DESC LIMIT ?", String.class, guestId, MessageKind.PERSON.name(), count);
    }
}
