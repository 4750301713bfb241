package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A business number's send rate kept in the database, on each database the service supports: replicas
 * reserving slots from one number queue up behind each other, slots stay one interval apart, an idle
 * number saves no burst up, and no second ever holds more than the rate. Each subclass gives a fresh,
 * empty database.
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
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
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
        assertThat(afterAPause.get(1)).isEqualTo(clock.instant().plus(SendBudget.LEAD).plusMillis(105));
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
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).as("gap before slot %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(105));
        }
        int rate = (int) RATE;
        for (int i = rate; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - rate), sorted.get(i)))
                    .as("%d slots from slot %d on, so never more than %d in a second", rate + 1, i - rate, rate)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000 + SendBudget.HEADROOM_MILLIS));
        }
    }

    private SendBudget replica() {
        return new SendBudget(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), RATE, clock);
    }
}
