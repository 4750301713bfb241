package org.holidaydesk.assistant.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Keeps each business number within its throughput ({@code assistant.reply.send-rate}, Meta's default is
 * 80 messages a second) as Meta counts it, in every second at its end, across all replicas: a claimed batch
 * reserves its slots in the number's {@link SendBudget} at once, one database round trip per number; each
 * message waits for its slot, then takes one of the number's places, which it gives back once Meta answered
 * (or the attempt failed or timed out). The places keep the rate whatever the lateness of a replica or of the
 * network (see {@link SendBudget}); the slots only spread the messages out. Read receipts are status updates,
 * not messages, and handoff notes go to the business's own webhook: neither takes a slot or a place.
 *
 * <p>A message waits for a place at most {@code maxWait} (a place's cool-down and a second), in turn behind
 * this replica's other messages for the same number, so that only one of them at a time asks the database.
 * A message that gets no slot or no place (the database failed, or every place stays busy) is not sent:
 * {@link SlotUnavailable} puts it back in the queue for a moment, its attempts untouched. One that wakes late
 * for its slot still goes, as soon as it has a place.
 */
@Component("sendRate")
public class SendRate {

    private static final Logger LOG = LoggerFactory.getLogger(SendRate.class);

    private final SendBudget budget;
    private final CloudApiRequests requests;
    private final Clock clock;
    private final Duration maxWait;
    /** This replica's messages waiting for a place, one line per number, first come first served. */
    private final Map<String, ReentrantLock> lines = new ConcurrentHashMap<>();

    @Autowired
    public SendRate(SendBudget budget, CloudApiRequests requests) {
        this(budget, requests, Clock.systemUTC());
    }

    SendRate(SendBudget budget, CloudApiRequests requests, Clock clock) {
        this(budget, requests, clock, budget.cooldown().plusSeconds(1));
    }

    SendRate(SendBudget budget, CloudApiRequests requests, Clock clock, Duration maxWait) {
        this.budget = budget;
        this.requests = requests;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    /**
     * Reserves a slot for each message of the batch that counts against its number's rate, one reservation per
     * number. A number whose reservation fails gets none here; its messages then ask for their own.
     */
    public BatchSlots reserve(@Body List<OutboundMessage> batch) {
        Map<String, List<Long>> byNumber = new LinkedHashMap<>();
        for (OutboundMessage row : batch) {
            if (counts(row)) {
                byNumber.computeIfAbsent(requests.sender(row), number -> new ArrayList<>())
                        .add(row.id());
            }
        }
        Map<Long, Instant> slots = new HashMap<>();
        byNumber.forEach((number, ids) -> {
            try {
                SendBudget.Slots reserved = budget.reserve(number, ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    slots.put(ids.get(i), reserved.get(i));
                }
            } catch (DataAccessException | TransactionException e) {
                LOG.warn(
                        "Could not reserve send slots for {} replies at once ({}); each asks on its own",
                        ids.size(),
                        e.getMessage());
            }
        });
        return new BatchSlots(Map.copyOf(slots));
    }

    /**
     * Waits for the message's slot: the one its batch reserved, or one of its own (sent outside a batch, or the
     * batch's reservation failed); then takes a place for it, which {@link #release} gives back. Returns at once,
     * with no place, for a read receipt or a handoff note.
     *
     * @return the place the message holds while it is sent, {@code null} when it needs none
     * @throws SlotUnavailable when the message must not go now; it goes back to the queue
     */
    public SendBudget.Place acquire(
            @ExchangeProperty(ReplyRoute.ROW) OutboundMessage row,
            @ExchangeProperty(ReplyRoute.SLOTS) BatchSlots batch) {
        if (!counts(row)) {
            return null;
        }
        Instant slot = batch == null ? null : batch.slots().get(row.id());
        waitUntil(slot == null ? reserveOne(row) : slot);
        return takePlace(requests.sender(row));
    }

    /**
     * The message's attempt is over (Meta answered, or it failed or timed out): its place cools down from now.
     * Never fails the send: a place the database did not take back frees itself after the claim lease.
     */
    public void release(@ExchangeProperty(ReplyRoute.PLACE) SendBudget.Place place) {
        if (place == null) {
            return;
        }
        try {
            budget.release(place);
        } catch (DataAccessException e) {
            LOG.warn(
                    "Could not give back a send place of {} ({}); it frees itself after the claim lease",
                    place.phoneNumberId(),
                    e.getMessage());
        }
    }

    private SendBudget.Place takePlace(String number) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        ReentrantLock line = lines.computeIfAbsent(number, any -> new ReentrantLock(true));
        try {
            if (!line.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SlotUnavailable(
                        "no send place within " + maxWait.toMillis() + " ms (this replica's line for it is long)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlotUnavailable("stopped while it waited for a send place");
        }
        try {
            while (true) {
                Optional<SendBudget.Place> place = budget.take(number);
                if (place.isPresent()) {
                    return place.get();
                }
                Duration wait = budget.untilPlaceFree(number);
                long left = deadline - System.nanoTime();
                if (wait.toNanos() > left) {
                    throw new SlotUnavailable("every send place of the number stays busy for " + wait.toMillis()
                            + " ms more (Meta answers slowly, or the replicas send at the rate)");
                }
                if (wait.isPositive()) {
                    LockSupport.parkNanos(wait.toNanos());
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new SlotUnavailable("stopped while it waited for a send place");
                }
            }
        } catch (DataAccessException | TransactionException e) {
            throw new SlotUnavailable("no send place, the database failed: " + e.getMessage(), e);
        } finally {
            line.unlock();
        }
    }

    private boolean counts(OutboundMessage row) {
        return !row.readReceipt() && !row.handoffNote() && !row.threadControl() && !requests.sandboxed(row);
    }

    private Instant reserveOne(OutboundMessage row) {
        try {
            return budget.reserve(requests.sender(row), 1).first();
        } catch (DataAccessException | TransactionException e) {
            throw new SlotUnavailable("no send slot, the database failed: " + e.getMessage(), e);
        }
    }

    private void waitUntil(Instant slot) {
        Duration left;
        while ((left = Duration.between(clock.instant(), slot)).isPositive()) {
            LockSupport.parkNanos(left.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new SlotUnavailable("stopped while it waited for its send slot");
            }
        }
    }

    /** The slots a claimed batch reserved, by outbox row id; none for what does not count against the rate. */
    public record BatchSlots(Map<Long, Instant> slots) {}

    /** The message must not be sent now (no slot or no place); it goes back to the queue. */
    public static final class SlotUnavailable extends RuntimeException {

        SlotUnavailable(String message) {
            super(message);
        }

        SlotUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
