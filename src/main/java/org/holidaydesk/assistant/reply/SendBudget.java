package org.holidaydesk.assistant.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send rate of each business number, kept in the database so that all replicas draw on one budget:
 * Meta's throughput limit belongs to the phone number, however many replicas send from it.
 *
 * <p>Each number has a row with the earliest moment its next message may leave ({@code next_slot}, the
 * "theoretical arrival time" of the generic cell rate algorithm). Reserving n sends locks that row, takes
 * the n slots from {@code max(next_slot, now + LEAD)} on, one interval apart, and moves {@code next_slot} past
 * them, in one short transaction; the sender then waits for each slot. A number that was idle saves
 * nothing up: its next message goes {@link #LEAD} after the reservation and the one after it an interval
 * later, so there is no burst. The lead lets the reservation commit before its first slot comes.
 *
 * <p>The interval leaves headroom: {@code rate} intervals span {@value #WINDOW_MILLIS} ms rather than a
 * second. Two messages may then take up to {@value #HEADROOM_MILLIS} ms more or less on their way to Meta (a
 * late wake-up, a slower request) and still no second at Meta's end holds more than {@code rate} of them.
 * It costs 5 % of the rate (Meta's 80 messages/s become 76). The slots are this replica's clock readings:
 * replicas' clocks must agree far better than the headroom, as NTP keeps Kubernetes nodes' clocks.
 */
@Component
public class SendBudget {

    static final long HEADROOM_MILLIS = 50;
    /**
     * A slot is never sooner than this after its reservation began: time for the transaction to commit. Short,
     * because an idle number's reply waits for it; a commit slower than this uses up the lateness
     * {@code SendRate} allows (together 35 ms).
     */
    static final Duration LEAD = Duration.ofMillis(5);
    private static final long WINDOW_MILLIS = 1000 + HEADROOM_MILLIS;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Clock clock;

    @Autowired
    public SendBudget(JdbcTemplate jdbc, PlatformTransactionManager transactions, ReplyProperties properties) {
        this(jdbc, transactions, properties.sendRate(), Clock.systemUTC());
    }

    SendBudget(JdbcTemplate jdbc, PlatformTransactionManager transactions, double ratePerSecond, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.interval = Duration.of((long) Math.ceil(WINDOW_MILLIS * 1000d / ratePerSecond), ChronoUnit.MICROS);
        this.clock = clock;
    }

    /** The time between two consecutive slots of one number. */
    Duration interval() {
        return interval;
    }

    /** Reserves {@code count} consecutive slots to send from {@code phoneNumberId} (at least one). */
    Slots reserve(String phoneNumberId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one slot, not " + count);
        }
        return transactions.execute(status -> {
            Instant now = roundUpToMicros(clock.instant());
            Instant next = lockedNextSlot(phoneNumberId, now);
            Instant earliest = now.plus(LEAD);
            Instant first = next.isAfter(earliest) ? next : earliest;
            Instant after = first.plus(interval.multipliedBy(count));
            jdbc.update("UPDATE send_budget SET next_slot = ? WHERE phone_number_id = ?", Timestamp.from(after), phoneNumberId);
            return new Slots(first, interval, count);
        });
    }

    /** The number's next free slot, its row locked until the transaction ends; the row is made on first use. */
    private Instant lockedNextSlot(String phoneNumberId, Instant now) {
        List<Timestamp> next = selectForUpdate(phoneNumberId);
        if (next.isEmpty()) {
            // two replicas sending from a new number at once: one row is made, the other replica waits on its lock
            jdbc.update("INSERT INTO send_budget (phone_number_id, next_slot) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    phoneNumberId, Timestamp.from(now));
            next = selectForUpdate(phoneNumberId);
        }
        return next.get(0).toInstant();
    }

    private List<Timestamp> selectForUpdate(String phoneNumberId) {
        return jdbc.queryForList("SELECT next_slot FROM send_budget WHERE phone_number_id = ? FOR UPDATE",
                Timestamp.class, phoneNumberId);
    }

    /** Both databases keep microseconds, and so do the slots (the interval is whole microseconds too). */
    private static Instant roundUpToMicros(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
    }

    /** {@code count} slots from {@code first} on, {@code interval} apart. */
    record Slots(Instant first, Duration interval, int count) {

        Instant get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return first.plus(interval.multipliedBy(index));
        }
    }
}
