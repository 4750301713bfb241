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
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.reply.Reengagement;
import org.holidaydesk.assistant.webhook.InboundMessage;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.holidaydesk.assistant.webhook.PersonMessage;
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
    /** Revoked by whoever sent it: never answered, its words forgotten. */
    public static final String REVOKED = "REVOKED";

    private static final Logger LOG = LoggerFactory.getLogger(GuestMessages.class);

    /** Where the guest's messages last came from: the address to answer and the business number they wrote to. */
    public record Address(String replyTo, String phoneNumberId) {}

    private final JdbcTemplate jdbc;
    private final GuestAliases aliases;
    private final PipelineProperties properties;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Clock clock = Clock.systemUTC();

    private final Reengagement reengagement;

    public GuestMessages(
            JdbcTemplate jdbc,
            GuestAliases aliases,
            PipelineProperties properties,
            MeterRegistry meters,
            Reengagement reengagement) {
        this.jdbc = jdbc;
        this.reengagement = reengagement;
        this.aliases = aliases;
        this.properties = properties;
        this.meters = meters;
        this.duplicates = Counter.builder("whatsapp.duplicates")
                .description("Redelivered guest messages dropped")
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
        int inserted = jdbc.update(
                "INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, body,"
                        + " sent_at, received_at, state, handled_at, media_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                message.wamid(),
                guestId,
                message.replyTo(),
                message.phoneNumberId(),
                message.kind().name(),
                message.text(),
                Timestamp.from(message.sentAt()),
                Timestamp.from(now),
                answered ? PENDING : IGNORED,
                answered ? null : Timestamp.from(now),
                message.mediaId());
        if (inserted == 0) {
            duplicates.increment();
            LOG.debug("Message already recorded: Meta delivered it again");
            return false;
        }
        LOG.debug(
                "RecordedMessage a {} message from guest {}{}",
                message.kind().name().toLowerCase(java.util.Locale.ROOT),
                Masking.recipient(guestId),
                answered ? "" : " (no answer needed)");
        meters.counter(
                        "whatsapp.messages.received",
                        "type",
                        message.kind().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        touchGuest(guestId, message.displayName(), answered ? Timestamp.from(now) : null, Timestamp.from(now));
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
            int created = jdbc.update(
                    "INSERT INTO guest (guest_id, display_name, ready_at, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    guestId,
                    displayName,
                    readyAt,
                    now);
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
    public List<PendingMessage> pending(String guestId) {
        return jdbc.query(
                "SELECT wamid, reply_to, phone_number_id, kind, body, sent_at, media_id, received_at, read_queued"
                        + " FROM guest_message WHERE guest_id = ? AND state = ? ORDER BY sent_at, received_at, wamid",
                (rs, i) -> new PendingMessage(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        MessageKind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getBoolean(9)),
                guestId,
                PENDING);
    }

    /** How many of the guest's messages wait for an answer. */
    public int pendingCount(String guestId) {
        Integer pending = jdbc.queryForObject(
                "SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND state = ?", Integer.class, guestId, PENDING);
        return pending == null ? 0 : pending;
    }

    /** How many messages that want an answer the guest wrote since {@code since}. */
    public int answerableSince(String guestId, Instant since) {
        Integer recent = jdbc.queryForObject(
                "SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND received_at >= ?" + " AND state <> ?",
                Integer.class,
                guestId,
                Timestamp.from(since),
                IGNORED);
        return recent == null ? 0 : recent;
    }

    /** Notes that the messages' read receipts are queued. */
    public void readQueued(List<String> wamids) {
        jdbc.batchUpdate(
                "UPDATE guest_message SET read_queued = TRUE WHERE wamid = ?",
                wamids.stream().map(w -> new Object[] {w}).toList());
    }

    /** Marks the messages answered at {@code at} by the turn {@code turnId} (the id Mem0 keeps its memories under). */
    public void answered(List<String> wamids, Instant at, String turnId) {
        Object[] args = new Object[wamids.size() + 4];
        args[0] = ANSWERED;
        args[1] = Timestamp.from(at);
        args[2] = turnId;
        args[3] = PENDING;
        for (int i = 0; i < wamids.size(); i++) {
            args[i + 4] = wamids.get(i);
        }
        // a message revoked while its turn ran stays revoked
        jdbc.update(
                "UPDATE guest_message SET state = ?, handled_at = ?, answered_in = ? WHERE state = ? AND wamid IN ("
                        + String.join(",", Collections.nCopies(wamids.size(), "?")) + ")",
                args);
    }

    /**
     * Keeps, once, something that needs no answer of its own (a message on the {@code standby} field, what another
     * sender wrote, an edit or revoke, a system message); false when it was already kept (Meta delivered it again).
     */
    public boolean recordQuietly(
            String wamid,
            String guestId,
            String replyTo,
            String phoneNumberId,
            MessageKind kind,
            String body,
            Instant sentAt) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean kept = jdbc.update(
                        "INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, body, sent_at,"
                                + " received_at, state, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        wamid,
                        guestId,
                        replyTo,
                        phoneNumberId == null ? "" : phoneNumberId,
                        kind.name(),
                        body,
                        Timestamp.from(sentAt),
                        now,
                        IGNORED,
                        now)
                > 0;
        if (kept) {
            touchGuest(guestId, null, null, now);
        } else {
            duplicates.increment();
        }
        return kept;
    }

    /** A message kept quietly waits for its answer after all (a guest's edit of a message already answered). */
    public void awaitAnswer(String wamid, String guestId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE guest_message SET state = ?, handled_at = NULL WHERE wamid = ?", PENDING, wamid);
        touchGuest(guestId, null, now, now);
    }

    /** The message with this id as it is recorded; empty when it never was, or is forgotten. */
    public Optional<RecordedMessage> recorded(String wamid) {
        return jdbc
                .query(
                        "SELECT wamid, guest_id, kind, state, body, answered_in FROM guest_message WHERE wamid = ?",
                        (rs, i) -> new RecordedMessage(
                                rs.getString(1),
                                rs.getString(2),
                                MessageKind.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)),
                        wamid)
                .stream()
                .findFirst();
    }

    /** The message now reads {@code text}; a turn that took it in and is still running starts over. */
    public void edit(String wamid, String text) {
        jdbc.update(
                "UPDATE guest_message SET body = ?, changed_at = ? WHERE wamid = ?",
                text,
                Timestamp.from(clock.instant()),
                wamid);
    }

    /** The message is revoked: never answered, its words forgotten; a turn that took it in starts over. */
    public void revoke(String wamid) {
        jdbc.update(
                "UPDATE guest_message SET state = ?, body = NULL, changed_at = ? WHERE wamid = ?",
                REVOKED,
                Timestamp.from(clock.instant()),
                wamid);
    }

    /** How many of the guest's unanswered or revoked messages were edited or revoked since {@code since}. */
    public int changedSince(String guestId, Instant since) {
        Integer changed = jdbc.queryForObject(
                "SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND changed_at >= ?" + " AND state IN (?, ?)",
                Integer.class,
                guestId,
                Timestamp.from(since),
                PENDING,
                REVOKED);
        return changed == null ? 0 : changed;
    }

    /** Those of the messages that were revoked. */
    public List<String> revokedOf(List<String> wamids) {
        if (wamids.isEmpty()) {
            return List.of();
        }
        Object[] args = new Object[wamids.size() + 1];
        args[0] = REVOKED;
        for (int i = 0; i < wamids.size(); i++) {
            args[i + 1] = wamids.get(i);
        }
        return jdbc.queryForList(
                "SELECT wamid FROM guest_message WHERE state = ? AND wamid IN ("
                        + String.join(",", Collections.nCopies(wamids.size(), "?")) + ")",
                String.class,
                args);
    }

    /**
     * Moves a guest's messages and their row to a new id (the same guest under a new business-scoped user id): in
     * the caller's transaction. Messages that went to the old id are answered at the new one.
     */
    public void moveGuest(String from, String to) {
        if (jdbc.update(
                        "UPDATE guest SET guest_id = ? WHERE guest_id = ? AND NOT EXISTS"
                                + " (SELECT 1 FROM guest g WHERE g.guest_id = ?)",
                        to,
                        from,
                        to)
                == 0) {
            jdbc.update(
                    "UPDATE guest SET ready_at = COALESCE(ready_at, (SELECT o.ready_at FROM guest o WHERE o.guest_id = ?)),"
                            + " display_name = COALESCE(display_name, (SELECT o.display_name FROM guest o WHERE o.guest_id = ?))"
                            + " WHERE guest_id = ?",
                    from,
                    from,
                    to);
            jdbc.update("DELETE FROM guest WHERE guest_id = ?", from);
        }
        jdbc.update("UPDATE guest_message SET guest_id = ? WHERE guest_id = ?", to, from);
        jdbc.update("UPDATE guest_message SET reply_to = ? WHERE guest_id = ? AND reply_to = ?", to, to, from);
    }

    /**
     * Keeps, once, what a person at the business wrote to the guest from the WhatsApp Business app, as a
     * message that needs no answer; false when it was already kept (Meta delivered it again).
     */
    public boolean recordPersonMessage(String guestId, PersonMessage message) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update(
                        "INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, body, sent_at,"
                                + " received_at, state, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        message.wamid(),
                        guestId,
                        message.guestAddress(),
                        message.phoneNumberId() == null ? "" : message.phoneNumberId(),
                        MessageKind.PERSON.name(),
                        message.text(),
                        Timestamp.from(message.sentAt()),
                        now,
                        IGNORED,
                        now)
                > 0;
    }

    /** Where the guest last wrote from (a person's message aside); empty when they never wrote. */
    public Optional<Address> latestAddress(String guestId) {
        return jdbc
                .query(
                        "SELECT reply_to, phone_number_id FROM guest_message WHERE guest_id = ? AND kind NOT IN (?, ?)"
                                + " ORDER BY received_at DESC LIMIT 1",
                        (rs, i) -> new Address(rs.getString(1), rs.getString(2)),
                        guestId,
                        MessageKind.PERSON.name(),
                        MessageKind.OTHER_SENDER.name())
                .stream()
                .findFirst();
    }

    /** The text of the guest's last {@code count} messages that have text, newest first (a person's aside). */
    public List<String> lastTexts(String guestId, int count) {
        return jdbc.queryForList(
                "SELECT body FROM guest_message WHERE guest_id = ? AND body IS NOT NULL AND kind NOT IN (?, ?)"
                        + " ORDER BY received_at DESC LIMIT ?",
                String.class,
                guestId,
                MessageKind.PERSON.name(),
                MessageKind.OTHER_SENDER.name(),
                count);
    }
}
