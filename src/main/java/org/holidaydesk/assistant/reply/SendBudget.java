package org.holidaydesk.assistant.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send rate of each business number, kept in the database so that all replicas draw on one budget:
 * Meta's throughput limit belongs to the phone number, however many replicas send from it. Two rules
 * share it: slots spread a number's messages evenly, places bound what reaches Meta in any second.
 *
 * <p><b>Places: the rate as Meta counts it.</b> A number allowed {@code rate} messages a second has
 * {@code rate} places ({@link #places()}, at least one), rows of {@code send_place}. A message is sent only
 * while it holds a place: it takes one ({@link #take}) just before its request leaves and gives it back
 * ({@link #release}) once the attempt is over, answered, failed or timed out. A place given back may be taken
 * again no sooner than {@link #cooldown()} (a second and {@value #MARGIN_MILLIS} ms) later. Meta counts a
 * message when it arrives, and it arrives after it left and before its answer came back; so two messages
 * sent on one place arrive more than a second apart, one place puts at most one message into any second at
 * Meta's end, and the {@code rate} places at most {@code rate}. The argument needs nothing about how late a
 * replica wakes or how long a request takes on its way: a slow send keeps its place the longer. Taking and
 * giving back are one statement each, and their times are the database's own clock
 * ({@code CURRENT_TIMESTAMP}), one clock for all replicas, read when the statement runs: a take is stamped no
 * later than the request leaves, a give-back (its own statement, not inside an older transaction) no sooner
 * than the attempt ended. The margin covers rounding to microseconds. It costs throughput when Meta is far:
 * a place serves one message every second plus a round trip, so with 200 ms round trips a number sends about
 * {@code rate / 1.2} a second.
 *
 * <p>A replica that dies holding a place never gives it back: the place frees itself {@code claim-lease}
 * after it was taken, when the dead replica's reply is sent again by another replica anyway. A replica that
 * froze longer than that between taking a place and its request leaving could crowd a second; it would
 * already have sent a reply that another replica sent too.
 *
 * <p><b>Slots: smooth sending.</b> Each number has a {@code send_budget} row with the earliest moment its next
 * message may leave ({@code next_slot}, the "theoretical arrival time" of the generic cell rate algorithm).
 * Reserving n sends locks that row, takes the n slots from {@code max(next_slot, now + LEAD)} on, one interval
 * apart, and moves {@code next_slot} past them, in one short transaction per claimed batch; the sender then
 * waits for each slot before it asks for a place. A number that was idle saves nothing up: its next message
 * goes {@link #LEAD} after the reservation and the one after it an interval later, so there is no burst, and
 * replicas take turns in the order they claimed. {@code rate} intervals span {@value #WINDOW_MILLIS} ms, a
 * little more than a place's cool-down, so that on a near network a message seldom waits for its place.
 * Slots are this replica's clock readings; a clock off by some milliseconds only shifts a replica's turn,
 * since the places keep the rate.
 */
@Component
public class SendBudget {

    static final long HEADROOM_MILLIS = 50;
    /**
     * A slot is never sooner than this after its reservation began: time for the transaction to commit. Short,
     * because an idle number's reply waits for it.
     */
    static final Duration LEAD = Duration.ofMillis(5);

    private static final long WINDOW_MILLIS = 1000 + HEADROOM_MILLIS;
    /** What a place's cool-down adds to the second it must keep between two arrivals. */
    static final long MARGIN_MILLIS = 10;
    /** How long a place stays with a replica that took it and never gave it back, unless told otherwise. */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final int places;
    private final Duration cooldown;
    private final Clock clock;
    private final String take;
    private final String release;

    @Autowired
    public SendBudget(JdbcTemplate jdbc, PlatformTransactionManager transactions, ReplyProperties properties) {
        this(jdbc, transactions, properties.sendRate(), properties.claimLease(), Clock.systemUTC());
    }

    SendBudget(JdbcTemplate jdbc, PlatformTransactionManager transactions, double ratePerSecond, Clock clock) {
        this(jdbc, transactions, ratePerSecond, HOLD_LIMIT, clock);
    }

    /**
     * @param holdLimit how long after it was taken a place that was never given back frees itself: longer than
     *                  any send takes (the claim lease)
     */
    SendBudget(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            double ratePerSecond,
            Duration holdLimit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.interval = Duration.of((long) Math.ceil(WINDOW_MILLIS * 1000d / ratePerSecond), ChronoUnit.MICROS);
        // a rate under one a second: one place, and its cool-down as long as one message's share of time
        this.places = Math.max(1, (int) Math.floor(ratePerSecond));
        Duration share = Duration.of((long) Math.ceil(places * 1_000_000d / ratePerSecond), ChronoUnit.MICROS);
        this.cooldown =
                (share.compareTo(Duration.ofSeconds(1)) > 0 ? share : Duration.ofSeconds(1)).plusMillis(MARGIN_MILLIS);
        this.clock = clock;
        // the subquery picks the place free the longest; the outer WHERE says again that it is free, which both
        // databases re-check once they hold the row's lock, so two replicas never take one place
        this.take = "UPDATE send_place SET holder = ?, free_at = CURRENT_TIMESTAMP + " + seconds(holdLimit)
                + " WHERE phone_number_id = ? AND free_at <= CURRENT_TIMESTAMP AND place = (SELECT place FROM send_place"
                + " WHERE phone_number_id = ? AND place < ? AND free_at <= CURRENT_TIMESTAMP ORDER BY free_at, place LIMIT 1)";
        this.release = "UPDATE send_place SET holder = NULL, free_at = CURRENT_TIMESTAMP + " + seconds(cooldown)
                + " WHERE phone_number_id = ? AND holder = ?";
    }

    /** The time between two consecutive slots of one number. */
    Duration interval() {
        return interval;
    }

    /** How many messages of one number may be on their way to Meta, or have arrived within the last second. */
    int places() {
        return places;
    }

    /** How long after a send completed its place may be taken again. */
    Duration cooldown() {
        return cooldown;
    }

    /**
     * Takes a free place of the number for one send, in one statement: none when every place is held or cooling
     * down (or the number has no places yet, see {@link #untilPlaceFree}).
     */
    Optional<Place> take(String phoneNumberId) {
        String holder = UUID.randomUUID().toString();
        int taken = jdbc.update(take, holder, phoneNumberId, phoneNumberId, places);
        return taken == 1 ? Optional.of(new Place(phoneNumberId, holder)) : Optional.empty();
    }

    /**
     * Gives the place back once its send is over (answered, failed or timed out); it may be taken again one
     * cool-down later. Must run on its own, not in a transaction begun before the send ended: the database
     * stamps it with that transaction's start. Nothing happens when the place was already given up on.
     */
    void release(Place place) {
        jdbc.update(release, place.phoneNumberId(), place.holder());
    }

    /**
     * How long until one of the number's places may be free, after {@link #take} found none: until the first
     * that is cooling down frees, and no longer than a cool-down (a held place given back now frees no sooner).
     * Zero when a place is free already (another replica took the one this one tried) or when the number had
     * fewer places than its rate (its first send, or the rate was raised): the missing ones are made.
     */
    Duration untilPlaceFree(String phoneNumberId) {
        PlacesNow now = jdbc.queryForObject(
                "SELECT COUNT(*), MIN(free_at), CURRENT_TIMESTAMP FROM send_place"
                        + " WHERE phone_number_id = ? AND place < ?",
                (rs, i) -> new PlacesNow(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))),
                phoneNumberId,
                places);
        if (now.count() < places) {
            // made free: a place that never had a send; two replicas making them at once make each one once
            jdbc.batchUpdate(
                    "INSERT INTO send_place (phone_number_id, place, free_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                            + " ON CONFLICT DO NOTHING",
                    IntStream.range(0, places)
                            .mapToObj(place -> new Object[] {phoneNumberId, place})
                            .toList());
            return Duration.ZERO;
        }
        Instant latest = now.database().plus(cooldown);
        Instant free = now.firstFree().isBefore(latest) ? now.firstFree() : latest;
        Duration wait = Duration.between(now.database(), free);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private record PlacesNow(int count, Instant firstFree, Instant database) {}

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A duration as SQL both databases read, to the microsecond. */
    private static String seconds(Duration duration) {
        long micros = duration.toNanos() / 1000;
        return String.format(Locale.ROOT, "%d.%06d * INTERVAL '1' SECOND", micros / 1_000_000, micros % 1_000_000);
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
            jdbc.update(
                    "UPDATE send_budget SET next_slot = ? WHERE phone_number_id = ?",
                    Timestamp.from(after),
                    phoneNumberId);
            return new Slots(first, interval, count);
        });
    }

    /** The number's next free slot, its row locked until the transaction ends; the row is made on first use. */
    private Instant lockedNextSlot(String phoneNumberId, Instant now) {
        List<Timestamp> next = selectForUpdate(phoneNumberId);
        if (next.isEmpty()) {
            // two replicas sending from a new number at once: one row is made, the other replica waits on its lock
            jdbc.update(
                    "INSERT INTO send_budget (phone_number_id, next_slot) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    phoneNumberId,
                    Timestamp.from(now));
            next = selectForUpdate(phoneNumberId);
        }
        return next.get(0).toInstant();
    }

    private List<Timestamp> selectForUpdate(String phoneNumberId) {
        return jdbc.queryForList(
                "SELECT next_slot FROM send_budget WHERE phone_number_id = ? FOR UPDATE",
                Timestamp.class,
                phoneNumberId);
    }

    /** Both databases keep microseconds, and so do the slots (the interval is whole microseconds too). */
    private static Instant roundUpToMicros(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
    }

    /** A place held by one send: the number's, and the send's own name for it. */
    public record Place(String phoneNumberId, String holder) {}

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
