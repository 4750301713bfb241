package org.holidaydesk.assistant.agent.turn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnCheck;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.TurnSupersededException;
import org.holidaydesk.assistant.config.InstanceId;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.holidaydesk.assistant.inbox.GuestLeases;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.holidaydesk.assistant.inbox.PendingMessage;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.webhook.DerivedMessageId;
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

    private final GuestMessages messages;
    private final GuestLeases leases;
    private final PipelineProperties properties;
    private final Outbox outbox;
    private final ReplyQueue replies;
    private final String owner;
    private final Clock clock = Clock.systemUTC();
    private final ZoneId businessZone;
    /** Turns leased by this replica and not yet ended. */
    private final AtomicInteger held = new AtomicInteger();
    /** The turns this replica is answering, by guest: what each took in, and when the oldest of it arrived. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private final Counter restarts;

    public GuestTurns(
            GuestMessages messages,
            GuestLeases leases,
            PipelineProperties properties,
            Outbox outbox,
            InstanceId instance,
            PropertyProperties property,
            MeterRegistry meters,
            ReplyQueue replies) {
        this.replies = replies;
        this.messages = messages;
        this.leases = leases;
        this.restarts = Counter.builder("agent.turns.restarted")
                .description("Guest turns started over because the guest wrote again while they ran")
                .register(meters);
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
        Instant now = clock.instant();
        List<String> guests =
                leases.lease(owner, now, now.plus(properties.claimLease()).plus(properties.agentTimeout()), room);
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
        List<PendingMessage> pending = messages.pending(guestId);
        if (pending.isEmpty()) {
            leases.release(guestId);
            return null;
        }
        PendingMessage newest = pending.get(pending.size() - 1);
        List<String> read = new java.util.ArrayList<>();
        for (PendingMessage message : pending) {
            // Meta knows no message by an id made here: marking it read would only fail
            if (!message.readQueued() && !DerivedMessageId.is(message.wamid())) {
                outbox.enqueueReadReceipt(guestId, message.replyTo(), message.phoneNumberId(), message.wamid());
                read.add(message.wamid());
            }
        }
        messages.readQueued(read);
        List<TurnMessage> said = pending.stream()
                .map(m -> new TurnMessage(m.wamid(), m.kind(), m.body(), m.sentAt(), m.mediaId()))
                .toList();
        GuestLeases.Profile guest = leases.profile(guestId);
        GuestTurn turn = new GuestTurn(
                guestId, guest.displayName(), guest.language(), said, LocalDate.now(clock.withZone(businessZone)));
        Instant oldest = pending.stream()
                .map(PendingMessage::receivedAt)
                .min(Instant::compareTo)
                .orElseThrow();
        running.put(guestId, new Running(pending.size(), newest.wamid(), oldest, clock.instant()));
        return new LeasedTurn(guestId, newest.replyTo(), newest.phoneNumberId(), newest.wamid(), turn, oldest);
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
        if (turn == null) {
            return false;
        }
        // the guest edited or revoked a message of this turn: its answer would read words they no longer stand by
        if (messages.changedSince(guestId, turn.began()) > 0) {
            return true;
        }
        if (turn.oldest().plus(properties.coalesceLimit()).isBefore(clock.instant())) {
            return false;
        }
        return messages.pendingCount(guestId) > turn.messages();
    }

    /** Throws {@link TurnSupersededException} when the turn should start over (see {@link #superseded}). */
    public void checkCurrent(@ExchangeProperty(AgentRoute.TURN) LeasedTurn turn) {
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
        leases.release(turn.guestId());
    }

    /** Ends the turn: queues the reply ({@link ReplyQueue}: a booking button, the date picker, choices or text), marks the turn's messages answered and releases the guest. */
    @Transactional
    public void finish(LeasedTurn turn, AgentReply reply) {
        replies.queue(turn, reply);
        messages.answered(
                turn.turn().messages().stream().map(TurnMessage::messageId).toList(),
                clock.instant(),
                turn.lastMessageId());
        leases.answeredIn(turn.guestId(), reply.language());
        leases.release(turn.guestId());
    }

    /**
     * A leased turn has ended, however it ended: its worker is free again. It is forgotten unless the guest's
     * next turn began meanwhile (a turn started over may be leased again before this one's worker lets go).
     */
    public void turnEnded(@ExchangeProperty(AgentRoute.TURN) LeasedTurn turn) {
        if (turn != null) {
            running.computeIfPresent(turn.guestId(), (guest, entry) -> entry.of(turn) ? null : entry);
        }
        held.decrementAndGet();
    }

    /** What a running turn took in: how many messages, the newest one's id, when the oldest arrived, when it began. */
    private record Running(int messages, String newest, Instant oldest, Instant began) {

        /** Whether this is that turn's entry (a voice note's transcription keeps both), not its successor's. */
        boolean of(LeasedTurn turn) {
            return messages == turn.turn().messages().size() && newest.equals(turn.lastMessageId());
        }
    }
}
