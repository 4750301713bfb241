package org.holidaydesk.assistant.agent.turn;

import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnCheck;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.TurnSupersededException;
import org.holidaydesk.assistant.agent.language.LanguageGuess;

import org.holidaydesk.assistant.webhook.DerivedMessageId;
import org.holidaydesk.assistant.webhook.MessageKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.RowLocking;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.holidaydesk.assistant.reply.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One turn at a time per guest, across all replicas: a replica leases the guests with pending messages
 * ({@code FOR UPDATE SKIP LOCKED}, then a lease) as soon as they are recorded, loads their pending messages
 * in order, and ends the turn in one transaction that queues the replies, marks the messages answered and
 * releases the lease. A guest who writes again while their turn runs has it started over with all their
 * messages (see {@link #superseded}), so a lone message waits for nothing and a burst gets one answer.
 * A replica that dies mid-turn leaves the messages pending; its lease runs out and another replica
 * answers them.
 */
@Component("guestTurns")
public class GuestTurns implements TurnCheck {

    private static final String PENDING = "PENDING";
    /** How far back an unread callback can hold up a guest's turn, so that its messages are answered in order. */
    private static final java.time.Duration ORDER_HORIZON = java.time.Duration.ofSeconds(10);
    private static final String ANSWERED = "ANSWERED";


    private final JdbcTemplate jdbc;
    private final PipelineProperties properties;
    private final Outbox outbox;
    private final String owner;
    private final Clock clock = Clock.systemUTC();
    private final ZoneId businessZone;
    /** Turns leased by this replica and not yet ended. */
    private final AtomicInteger held = new AtomicInteger();
    /** The turns this replica is answering, by guest: what each took in, and when the oldest of it arrived. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Counter restarts;

    private final String readyGuests;

    public GuestTurns(JdbcTemplate jdbc, PipelineProperties properties, Outbox outbox, InstanceId instance,
                      PropertyProperties property, MeterRegistry meters, RowLocking locking) {
        this.jdbc = jdbc;
        this.readyGuests = "SELECT guest_id FROM guest WHERE ready_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY ready_at LIMIT ?" + locking.skipLocked();
        this.restarts = Counter.builder("agent.turns.restarted")
                .description("Guest turns started over because the guest wrote again while they ran").register(meters);
        this.properties = properties;
        this.outbox = outbox;
        this.owner = instance.value();
        this.businessZone = property.timeZone();
    }

    /**
     * Leases the guests whose turn is due and whom no other replica holds, no more than this replica has
     * free workers for, so that a leased turn starts at once and its lease never runs out while it waits.
     */
    @Transactional
    public List<String> leaseReadyGuests() {
        int room = properties.concurrentTurns() - held.get();
        if (room <= 0) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        // a callback stored before a guest's turn is due, and not yet read by any replica, may hold an earlier
        // message of that guest: turns due after the oldest such callback wait for it (callbacks stuck longer
        // than the horizon hold nothing up). One indexed look, not one per guest.
        List<Timestamp> unread = jdbc.queryForList("SELECT received_at FROM inbox WHERE processed_at IS NULL"
                        + " AND received_at >= ? ORDER BY processed_at, received_at LIMIT 1",
                Timestamp.class, Timestamp.from(now.toInstant().minus(ORDER_HORIZON)));
        Timestamp dueBy = unread.isEmpty() || unread.get(0).after(now) ? now : unread.get(0);
        Timestamp until = Timestamp.from(now.toInstant().plus(properties.claimLease()).plus(properties.agentTimeout()));
        List<String> guests = RowLocking.take(jdbc, "UPDATE guest SET lease_owner = ?, lease_until = ? WHERE guest_id = ?"
                        + " AND (lease_until IS NULL OR lease_until < ?)",
                jdbc.queryForList(readyGuests, String.class, dueBy, now, room), g -> new Object[] {owner, until, g, now});
        held.addAndGet(guests.size());
        return guests;
    }

    /**
     * Loads a leased guest's pending messages, oldest first, and queues a read receipt with typing
     * indicator for each that has Meta's id and has none queued yet (committed at once, so the guest sees
     * it while the answer is made).
     * Returns null when nothing is pending.
     */
    @Transactional
    public LeasedTurn begin(@Body String guestId) {
        List<PendingMessage> pending = jdbc.query("SELECT wamid, reply_to, phone_number_id, kind, body, sent_at, media_id,"
                        + " received_at, read_queued FROM guest_message WHERE guest_id = ? AND state = ?"
                        + " ORDER BY sent_at, received_at, wamid",
                (rs, i) -> new PendingMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                        MessageKind.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getBoolean(9)),
                guestId, PENDING);
        if (pending.isEmpty()) {
            release(guestId);
            return null;
        }
        List<GuestRow> guest = jdbc.query("SELECT display_name, language FROM guest WHERE guest_id = ?",
                (rs, i) -> new GuestRow(rs.getString(1), rs.getString(2)), guestId);
        PendingMessage newest = pending.get(pending.size() - 1);
        List<Object[]> read = new java.util.ArrayList<>();
        for (PendingMessage message : pending) {
            // Meta knows no message by an id made here: marking it read would only fail
            if (!message.readQueued() && !DerivedMessageId.is(message.wamid())) {
                outbox.enqueueReadReceipt(guestId, message.replyTo(), message.phoneNumberId(), message.wamid());
                read.add(new Object[] {message.wamid()});
            }
        }
        jdbc.batchUpdate("UPDATE guest_message SET read_queued = TRUE WHERE wamid = ?", read);
        List<TurnMessage> messages = pending.stream()
                .map(m -> new TurnMessage(m.wamid(), m.kind(), m.body(), m.sentAt(), m.mediaId())).toList();
        GuestRow row = guest.isEmpty() ? new GuestRow(null, null) : guest.get(0);
        GuestTurn turn = new GuestTurn(guestId, row.displayName(), row.language(), messages,
                LocalDate.now(clock.withZone(businessZone)));
        Instant oldest = pending.stream().map(PendingMessage::receivedAt).min(Instant::compareTo).orElseThrow();
        running.put(guestId, new Running(pending.size(), newest.wamid(), oldest));
        return new LeasedTurn(guestId, newest.replyTo(), newest.phoneNumberId(), newest.wamid(), turn);
    }

    /**
     * Whether the guest wrote again since their running turn began, while its first message is younger
     * than {@code assistant.pipeline.coalesce-limit}: the answer would miss what they added, so the turn
     * should start over with it. Past the limit the answer goes out and the newer messages get the next turn,
     * so a guest who keeps writing is still answered.
     */
    @Override
    public boolean superseded(String guestId) {
        Running turn = running.get(guestId);
        if (turn == null || turn.oldest().plus(properties.coalesceLimit()).isBefore(clock.instant())) {
            return false;
        }
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND state = ?",
                Integer.class, guestId, PENDING);
        return pending != null && pending > turn.messages();
    }

    /** Throws {@link TurnSupersededException} when the turn should start over (see {@link #superseded}). */
    public void checkCurrent(@ExchangeProperty("turn") LeasedTurn turn) {
        if (superseded(turn.guestId())) {
            throw new TurnSupersededException();
        }
    }

    /**
     * Drops the turn's answer and hands the guest back with all their messages still pending, due at once:
     * the next lease (this replica's, woken when the worker is free, or another's) starts the turn over.
     */
    @Transactional
    public void restart(LeasedTurn turn) {
        restarts.increment();
        release(turn.guestId());
    }

    /** Ends the turn: queues the reply (its options as buttons or a list), marks the turn's messages answered and releases the guest. */
    @Transactional
    public void finish(LeasedTurn turn, AgentReply reply) {
        List<String> parts = reply.parts();
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            if (last && !reply.choices().isEmpty()) {
                outbox.enqueueChoices(turn.guestId(), turn.replyTo(), turn.phoneNumberId(), parts.get(i), reply.choices(),
                        LanguageGuess.ROMANIAN.equals(reply.language()) ? "Vezi opțiunile" : "See options",
                        turn.lastMessageId());
            } else {
                outbox.enqueueText(turn.guestId(), turn.replyTo(), turn.phoneNumberId(), parts.get(i), turn.lastMessageId());
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<String> ids = turn.turn().messages().stream().map(TurnMessage::messageId).toList();
        jdbc.update("UPDATE guest_message SET state = ?, handled_at = ? WHERE wamid IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", concat(ANSWERED, now, ids));
        jdbc.update("UPDATE guest SET language = COALESCE(?, language) WHERE guest_id = ?", reply.language(), turn.guestId());
        release(turn.guestId());
    }

    /**
     * A leased turn has ended, however it ended: its worker is free again. It is forgotten unless the guest's
     * next turn began meanwhile (a turn started over may be leased again before this one's worker lets go).
     */
    public void turnEnded(@ExchangeProperty("turn") LeasedTurn turn) {
        if (turn != null) {
            running.computeIfPresent(turn.guestId(), (guest, entry) -> entry.of(turn) ? null : entry);
        }
        held.decrementAndGet();
    }

    private void release(String guestId) {
        jdbc.update("UPDATE guest SET lease_owner = NULL, lease_until = NULL, ready_at = CASE WHEN EXISTS"
                + " (SELECT 1 FROM guest_message m WHERE m.guest_id = guest.guest_id AND m.state = ?) THEN ready_at"
                + " ELSE NULL END WHERE guest_id = ?", PENDING, guestId);
    }

    private static Object[] concat(String state, Timestamp now, List<String> ids) {
        Object[] args = new Object[ids.size() + 2];
        args[0] = state;
        args[1] = now;
        for (int i = 0; i < ids.size(); i++) {
            args[i + 2] = ids.get(i);
        }
        return args;
    }

    private record PendingMessage(String wamid, String replyTo, String phoneNumberId, MessageKind kind, String body,
                                  Instant sentAt, String mediaId, Instant receivedAt, boolean readQueued) {
    }

    /** What a running turn took in: how many messages, the newest one's id, and when the oldest arrived. */
    private record Running(int messages, String newest, Instant oldest) {

        /** Whether this is that turn's entry (a voice note's transcription keeps both), not its successor's. */
        boolean of(LeasedTurn turn) {
            return messages == turn.turn().messages().size() && newest.equals(turn.lastMessageId());
        }
    }

    private record GuestRow(String displayName, String language) {
    }
}
