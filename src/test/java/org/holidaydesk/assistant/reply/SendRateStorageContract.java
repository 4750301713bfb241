package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A business number's send rate kept in the database, on each database the service supports. Slots:
 * replicas reserving slots from one number queue up behind each other, slots stay one interval apart, an
 * idle number saves no burst up. Places: a number has as many as its rate, a replica never takes one that
 * is held or cooling down, a place frees one cool-down after its send completed however late that is, and
 * replicas sending through them, with sends slow on the way and slow to be answered, never put more than
 * the rate into any second where the sends arrive. Slots run on a clock the test moves; places on the
 * database's own clock, which is this machine's. Each subclass gives a fresh, empty database.
 */
abstract class SendRateStorageContract {

    private static final double RATE = 10;
    private static final String NUMBER = "106540352242922";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00.000000Z");
    /** An idle number's first slot: time for the reservation to commit. */
    private static final Instant FIRST = START.plus(SendBudget.LEAD);

    private DataSource dataSource;
    private final MovableClock clock = new MovableClock(START);

    /** A database nobody has migrated yet. */
    abstract DataSource freshDatabase() throws Exception;

    @BeforeEach
    void migrate() throws Exception {
        dataSource = freshDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Test
    void spacesABatchsSlotsOneIntervalApartFromJustAfterNow() {
        SendBudget replica = replica();

        SendBudget.Slots slots = replica.reserve(NUMBER, 3);

        assertThat(replica.interval()).isEqualTo(Duration.ofMillis(105));
        assertThat(List.of(slots.get(0), slots.get(1), slots.get(2)))
                .containsExactly(FIRST, FIRST.plusMillis(105), FIRST.plusMillis(210));
    }

    @Test
    void queuesAnotherReplicasBatchBehindTheFirst() {
        SendBudget one = replica();
        SendBudget two = replica();

        one.reserve(NUMBER, 3);
        SendBudget.Slots second = two.reserve(NUMBER, 2);
        clock.advance(Duration.ofMillis(100));
        SendBudget.Slots third = one.reserve(NUMBER, 1);

        assertThat(second.first()).isEqualTo(FIRST.plusMillis(3 * 105));
        assertThat(second.get(1)).isEqualTo(FIRST.plusMillis(4 * 105));
        assertThat(third.first()).as("behind the queue, not at its own now").isEqualTo(FIRST.plusMillis(5 * 105));
    }

    @Test
    void savesNoBurstUpWhileTheNumberIsIdle() {
        SendBudget replica = replica();
        replica.reserve(NUMBER, 1);

        clock.advance(Duration.ofMinutes(10));
        SendBudget.Slots afterAPause = replica.reserve(NUMBER, 3);

        assertThat(afterAPause.first()).isEqualTo(clock.instant().plus(SendBudget.LEAD));
        assertThat(afterAPause.get(1))
                .isEqualTo(clock.instant().plus(SendBudget.LEAD).plusMillis(105));
    }

    @Test
    void givesEachBusinessNumberItsOwnRate() {
        SendBudget replica = replica();

        replica.reserve(NUMBER, 20);
        SendBudget.Slots other = replica.reserve("209876543210987", 1);

        assertThat(other.first()).isEqualTo(FIRST);
    }

    @Test
    void replicasReservingAtOnceNeverShareASlotNorCrowdASecond() throws Exception {
        int replicas = 6;
        int reservationsEach = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        List<Instant> slots = new ArrayList<>();
        try {
            List<Future<List<Instant>>> reserved = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                int size = 1 + r % 4;
                SendBudget replica = replica();
                reserved.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<Instant> mine = new ArrayList<>();
                    for (int i = 0; i < reservationsEach; i++) {
                        // the number's row does not exist yet: the first reservations also race to make it
                        SendBudget.Slots batch = replica.reserve(NUMBER, size);
                        for (int s = 0; s < size; s++) {
                            mine.add(batch.get(s));
                        }
                        clock.advance(Duration.ofMillis(7));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Instant>> replica : reserved) {
                slots.addAll(replica.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        List<Instant> sorted = slots.stream().sorted().toList();
        assertThat(sorted).doesNotHaveDuplicates();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                    .as("gap before slot %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(105));
        }
        int rate = (int) RATE;
        for (int i = rate; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - rate), sorted.get(i)))
                    .as("%d slots from slot %d on, so never more than %d in a second", rate + 1, i - rate, rate)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000 + SendBudget.HEADROOM_MILLIS));
        }
    }

    @Test
    void makesANumbersPlacesOnItsFirstSendAndHandsOutAsManyAsItsRate() {
        SendBudget one = placesReplica(RATE, Duration.ofSeconds(60));
        SendBudget two = placesReplica(RATE, Duration.ofSeconds(60));

        assertThat(one.take(NUMBER))
                .as("no places before the number's first send")
                .isEmpty();
        assertThat(one.untilPlaceFree(NUMBER)).as("made, and free at once").isZero();
        List<SendBudget.Place> taken = new ArrayList<>();
        for (int i = 0; i < RATE; i++) {
            taken.add((i % 2 == 0 ? one : two).take(NUMBER).orElseThrow());
        }

        assertThat(taken).extracting(SendBudget.Place::holder).doesNotHaveDuplicates();
        assertThat(two.take(NUMBER)).as("all %d places held", (int) RATE).isEmpty();
        assertThat(one.untilPlaceFree(NUMBER))
                .as("a held place frees a cool-down after its send ends, at the soonest")
                .isEqualTo(one.cooldown());
        assertThat(one.take("209876543210987"))
                .as("another number's places are its own")
                .isEmpty();
        assertThat(one.untilPlaceFree("209876543210987")).isZero();
        assertThat(one.take("209876543210987")).isPresent();
    }

    @Test
    void freesAPlaceOneCooldownAfterItsSendCompletedNotSooner() {
        SendBudget one = placesReplica(RATE, Duration.ofSeconds(60));
        SendBudget two = placesReplica(RATE, Duration.ofSeconds(60));
        List<SendBudget.Place> held = takeAll(one, (int) RATE);

        Instant completed = Instant.now();
        one.release(held.get(3));
        assertThat(two.take(NUMBER)).as("cooling down").isEmpty();
        Duration wait = two.untilPlaceFree(NUMBER);
        assertThat(wait).isPositive().isLessThanOrEqualTo(one.cooldown());

        Instant taken = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> two.take(NUMBER).map(place -> Instant.now()), Optional::isPresent)
                .orElseThrow();

        assertThat(taken).isAfterOrEqualTo(completed.plus(one.cooldown()));
        assertThat(two.take(NUMBER)).as("the other places are still held").isEmpty();
    }

    @Test
    void keepsTheNumbersPlaceForASendThatIsSlowToCompleteAndCoolsItDownFromItsCompletion() {
        SendBudget one = placesReplica(RATE, Duration.ofSeconds(60));
        SendBudget two = placesReplica(RATE, Duration.ofSeconds(60));
        List<SendBudget.Place> held = takeAll(one, (int) RATE);
        SendBudget.Place slow = held.get(0);
        Instant slowTaken = Instant.now();
        held.subList(1, held.size()).forEach(one::release);

        // the other sends' places cool down and are taken again, the slow send's never while it lasts
        List<SendBudget.Place> again = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
            two.take(NUMBER).ifPresent(again::add);
            return again.size() == (int) RATE - 1;
        });
        assertThat(Instant.now())
                .as("the slow send has lasted longer than a cool-down")
                .isAfter(slowTaken.plus(one.cooldown()));
        assertThat(two.take(NUMBER)).as("the slow send still holds its place").isEmpty();

        Instant completed = Instant.now();
        one.release(slow);
        Instant taken = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> two.take(NUMBER).map(place -> Instant.now()), Optional::isPresent)
                .orElseThrow();

        assertThat(taken)
                .as("a cool-down after the slow send completed, not after it began")
                .isAfterOrEqualTo(completed.plus(one.cooldown()));
    }

    @Test
    void givesUpOnAPlaceItsReplicaNeverGaveBackAfterTheHoldLimit() {
        Duration holdLimit = Duration.ofMillis(300);
        SendBudget crashed = placesReplica(RATE, holdLimit);
        SendBudget alive = placesReplica(RATE, Duration.ofSeconds(60));
        Instant before = Instant.now();
        List<SendBudget.Place> lost = takeAll(crashed, (int) RATE);

        List<SendBudget.Place> takenOver = new ArrayList<>();
        Instant first = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(
                        () -> alive.take(NUMBER).map(place -> {
                            takenOver.add(place);
                            return Instant.now();
                        }),
                        Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
            alive.take(NUMBER).ifPresent(takenOver::add);
            return takenOver.size() == (int) RATE;
        });
        lost.forEach(crashed::release);

        assertThat(first).isAfterOrEqualTo(before.plus(holdLimit));
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList("SELECT holder FROM send_place WHERE phone_number_id = ?", String.class, NUMBER))
                .as("a late give-back of a place taken over changes nothing")
                .containsExactlyInAnyOrderElementsOf(
                        takenOver.stream().map(SendBudget.Place::holder).toList());
    }

    @Test
    void usesNoMorePlacesThanItsOwnRateWhenAReplicaOrAnEarlierRunMadeMore() {
        takeAll(placesReplica(RATE, Duration.ofSeconds(60)), 2).clear();
        SendBudget slower = placesReplica(3, Duration.ofSeconds(60));
        SendBudget slowest = placesReplica(0.5, Duration.ofSeconds(60));

        assertThat(slower.places()).isEqualTo(3);
        assertThat(slower.take(NUMBER))
                .as("places 0 and 1 are held, 2 is the last of three")
                .isPresent();
        assertThat(slower.take(NUMBER)).as("places 3 to 9 are not its own").isEmpty();
        assertThat(slowest.places()).isEqualTo(1);
        assertThat(slowest.cooldown())
                .as("one message every two seconds")
                .isEqualTo(Duration.ofMillis(2000 + SendBudget.MARGIN_MILLIS));
        assertThat(placesReplica(80, Duration.ofSeconds(60)).cooldown())
                .isEqualTo(Duration.ofMillis(1000 + SendBudget.MARGIN_MILLIS));
    }

    @Test
    void replicasTakingPlacesAtOnceNeverTakeOneTwice() throws Exception {
        int replicas = 6;
        placesReplica(RATE, Duration.ofSeconds(60)).untilPlaceFree(NUMBER);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        List<SendBudget.Place> taken = new ArrayList<>();
        try {
            List<Future<List<SendBudget.Place>>> tries = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                SendBudget replica = placesReplica(RATE, Duration.ofSeconds(60));
                tries.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<SendBudget.Place> mine = new ArrayList<>();
                    for (int i = 0; i < 2 * RATE; i++) {
                        replica.take(NUMBER).ifPresent(mine::add);
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<SendBudget.Place>> replica : tries) {
                taken.addAll(replica.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(taken).hasSize((int) RATE);
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList("SELECT holder FROM send_place WHERE phone_number_id = ?", String.class, NUMBER))
                .containsExactlyInAnyOrderElementsOf(
                        taken.stream().map(SendBudget.Place::holder).toList());
    }

    /**
     * Three replicas send from one number at 3 a second, each its batch in parallel as the reply route does. Two
     * sends take long on their way (their request arrives only after two others), one is slow to be answered,
     * and a message without a place goes back to the queue and is sent again later. However late a send arrives,
     * no second at Meta's end holds more than 3 of them; every message arrives exactly once.
     */
    @Test
    void replicasWithSendsLateOnTheWayOrSlowToBeAnsweredNeverPutMoreThanTheRateIntoAnySecond() throws Exception {
        int rate = 3;
        int replicas = 3;
        int batch = 3;
        FakeCloudApi meta = new FakeCloudApi();
        CloudApiRequests requests = new CloudApiRequests(new org.holidaydesk.assistant.config.WhatsAppProperties(
                "verify",
                "secret",
                false,
                "token-123",
                NUMBER,
                java.net.URI.create("https://graph.facebook.com/"),
                "v24.0"));
        ExecutorService senders = Executors.newFixedThreadPool(replicas * batch);
        List<Future<?>> sends = new ArrayList<>();
        try {
            for (int r = 0; r < replicas; r++) {
                SendRate replica = new SendRate(
                        placesReplica(rate, Duration.ofSeconds(60)), requests, java.time.Clock.systemUTC());
                List<OutboundMessage> claimed = new ArrayList<>();
                for (int m = 0; m < batch; m++) {
                    long id = r * 100L + m;
                    claimed.add(new OutboundMessage(
                            id,
                            "guest-" + id,
                            "40712345" + id,
                            NUMBER,
                            Outbox.TEXT,
                            "body",
                            "wamid.in-" + id,
                            0,
                            false));
                }
                SendRate.BatchSlots slots = replica.reserve(claimed);
                for (OutboundMessage row : claimed) {
                    // on its way until 2 other sends arrived, or answered only once 2 others arrived after it
                    // (never more than two places held so: the third keeps the others going)
                    boolean lateOnTheWay = row.id() == 1;
                    boolean slowAnswer = row.id() == 101;
                    sends.add(senders.submit(() -> {
                        SendRate.BatchSlots mine = slots;
                        while (true) {
                            SendBudget.Place place;
                            try {
                                place = replica.acquire(row, mine);
                            } catch (SendRate.SlotUnavailable backToTheQueue) {
                                meta.postponed.incrementAndGet();
                                mine = null;
                                continue;
                            }
                            try {
                                if (lateOnTheWay) {
                                    meta.awaitArrivals(meta.arrivals() + 2);
                                }
                                meta.arrive(row.id());
                                if (slowAnswer) {
                                    meta.awaitArrivals(meta.arrivals() + 2);
                                }
                            } finally {
                                replica.release(place);
                            }
                            return null;
                        }
                    }));
                }
            }
            for (Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(meta.heldTooLong)
                .as("the slow sends were overtaken as planned")
                .hasValue(0);
        assertThat(meta.ids())
                .as("every message arrived exactly once")
                .hasSize(replicas * batch)
                .doesNotHaveDuplicates();
        List<Instant> arrivals = meta.times().stream().sorted().toList();
        for (int i = rate; i < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i - rate), arrivals.get(i)))
                    .as(
                            "%d sends arrived within one second, from the %d-th on (%d postponed)",
                            rate + 1, i - rate + 1, meta.postponed.get())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    /** The Cloud API as far as the rate goes: when each send arrives. */
    private static final class FakeCloudApi {

        private final List<Long> ids = new ArrayList<>();
        private final List<Instant> times = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger postponed =
                new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger heldTooLong =
                new java.util.concurrent.atomic.AtomicInteger();

        synchronized void arrive(long id) {
            times.add(Instant.now());
            ids.add(id);
            notifyAll();
        }

        synchronized int arrivals() {
            return ids.size();
        }

        /** Holds a send on its way, or its answer, until {@code count} sends arrived in all (at most 10 s). */
        synchronized void awaitArrivals(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long left;
            while (ids.size() < count) {
                if ((left = deadline - System.nanoTime()) <= 0) {
                    heldTooLong.incrementAndGet();
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized List<Long> ids() {
            return List.copyOf(ids);
        }

        synchronized List<Instant> times() {
            return List.copyOf(times);
        }
    }

    private List<SendBudget.Place> takeAll(SendBudget replica, int count) {
        replica.untilPlaceFree(NUMBER);
        List<SendBudget.Place> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(replica.take(NUMBER).orElseThrow());
        }
        return taken;
    }

    private SendBudget placesReplica(double rate, Duration holdLimit) {
        return new SendBudget(
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                rate,
                holdLimit,
                java.time.Clock.systemUTC());
    }

    private SendBudget replica() {
        return new SendBudget(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), RATE, clock);
    }
}
