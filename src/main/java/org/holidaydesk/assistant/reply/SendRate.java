package org.holidaydesk.assistant.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
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
 * 80 messages a second), across all replicas: a claimed batch reserves its slots in the number's
 * {@link SendBudget} at once, one database round trip per number, and each message waits for its slot
 * before it goes out. Read receipts are status updates, not messages, and handoff notes go to the
 * business's own webhook: neither takes a slot.
 *
 * <p>A message that gets no slot (the database failed) or wakes more than {@link #LATE} after its slot
 * (the machine stalled) and misses a second one too is not sent: {@link SlotUnavailable} puts it back in
 * the queue for a moment, its attempts untouched. Sent late it could crowd the slots after it.
 */
@Component("sendRate")
public class SendRate {

    private static final Logger LOG = LoggerFactory.getLogger(SendRate.class);

    /** How late after its slot a message may still go; the rest of the budget's headroom is for its way to Meta. */
    static final Duration LATE = Duration.ofMillis(30);
    private static final int TRIES = 2;

    private final SendBudget budget;
    private final CloudApiRequests requests;
    private final Clock clock;

    @Autowired
    public SendRate(SendBudget budget, CloudApiRequests requests) {
        this(budget, requests, Clock.systemUTC());
    }

    SendRate(SendBudget budget, CloudApiRequests requests, Clock clock) {
        this.budget = budget;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Reserves a slot for each message of the batch that counts against its number's rate, one reservation per
     * number. A number whose reservation fails gets none here; its messages then ask for their own.
     */
    public BatchSlots reserve(@Body List<OutboundMessage> batch) {
        Map<String, List<Long>> byNumber = new LinkedHashMap<>();
        for (OutboundMessage row : batch) {
            if (counts(row)) {
                byNumber.computeIfAbsent(requests.sender(row), number -> new ArrayList<>()).add(row.id());
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
                LOG.warn("Could not reserve send slots for {} replies at once ({}); each asks on its own",
                        ids.size(), e.getMessage());
            }
        });
        return new BatchSlots(Map.copyOf(slots));
    }

    /**
     * Waits for the message's slot: the one its batch reserved, or one of its own (sent outside a batch, or the
     * batch's reservation failed). Returns at once for a read receipt or a handoff note.
     *
     * @throws SlotUnavailable when the message must not go now; it goes back to the queue
     */
    public void acquire(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row,
                        @ExchangeProperty(ReplyRoute.SLOTS) BatchSlots batch) {
        if (!counts(row)) {
            return;
        }
        Instant slot = batch == null ? null : batch.slots().get(row.id());
        for (int tries = 0; tries < TRIES; tries++) {
            if (slot == null) {
                slot = reserveOne(row);
            }
            waitUntil(slot);
            Duration late = Duration.between(slot, clock.instant());
            if (late.compareTo(LATE) <= 0) {
                return;
            }
            LOG.debug("Reply {} woke {} ms after its slot; it takes another", row.id(), late.toMillis());
            slot = null;
        }
        throw new SlotUnavailable("it missed its send slot " + TRIES + " times (this replica or the database is slow)");
    }

    private boolean counts(OutboundMessage row) {
        return !row.readReceipt() && !row.handoffNote() && !requests.sandboxed(row);
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
    public record BatchSlots(Map<Long, Instant> slots) {
    }

    /** The message must not be sent now (no slot, or it missed its slot); it goes back to the queue. */
    public static final class SlotUnavailable extends RuntimeException {

        SlotUnavailable(String message) {
            super(message);
        }

        SlotUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
