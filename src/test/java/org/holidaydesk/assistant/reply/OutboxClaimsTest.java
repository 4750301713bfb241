package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim that keeps each guest's replies in order across replicas, on H2 and on a real PostgreSQL:
 * only a recipient's oldest pending reply is ever claimable, and a claimed (locked or leased) one is
 * never handed to a second replica.
 */
class OutboxClaimsTest {

    private static final ReplyProperties PROPERTIES = new ReplyProperties(
            Duration.ofMillis(250),
            50,
            Duration.ofSeconds(60),
            6,
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            Duration.ofSeconds(6),
            Duration.ofMinutes(15),
            80,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    private static DataSource postgres;

    static Stream<Named<DataSource>> databases() {
        return Stream.of(Named.of("H2", h2()), Named.of("PostgreSQL", postgres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claimsOnlyTheOldestPendingReplyOfEachRecipient(DataSource database) {
        Fixture db = new Fixture(database);
        long a1 = db.queue("A", "a1");
        db.queue("A", "a2");
        long b1 = db.queue("B", "b1");
        db.queue("A", "a3");

        List<OutboundMessage> claimed = db.claim(db.replica("one"));

        assertThat(claimed).extracting(OutboundMessage::id).containsExactly(a1, b1);
        assertThat(claimed).extracting(OutboundMessage::body).containsExactly("a1", "b1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void givesAnotherReplicaNothingOfARecipientWhoseOldestReplyIsClaimed(DataSource database) {
        Fixture db = new Fixture(database);
        long a1 = db.queue("A", "a1");
        long a2 = db.queue("A", "a2");
        OutboxClaims one = db.replica("one");
        OutboxClaims two = db.replica("two");

        assertThat(db.claim(one)).extracting(OutboundMessage::id).containsExactly(a1);
        assertThat(db.claim(two)).isEmpty();

        db.jdbc.update("UPDATE outbox SET state = 'SENT', lease_owner = NULL, lease_until = NULL WHERE id = ?", a1);

        assertThat(db.claim(two)).extracting(OutboundMessage::id).containsExactly(a2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void replicasClaimingAtTheSameMomentNeverShareARecipient(DataSource database) throws Exception {
        Fixture db = new Fixture(database);
        long a1 = db.queue("A", "a1");
        db.queue("A", "a2");
        long b1 = db.queue("B", "b1");
        OutboxClaims one = db.replica("one");
        OutboxClaims two = db.replica("two");
        CountDownLatch firstHoldsItsLocks = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);
        ExecutorService replicaOne = Executors.newSingleThreadExecutor();
        try {
            Future<List<OutboundMessage>> first = replicaOne.submit(() -> db.tx.execute(status -> {
                List<OutboundMessage> rows = one.claim();
                firstHoldsItsLocks.countDown();
                await(secondIsDone);
                return rows;
            }));
            assertThat(firstHoldsItsLocks.await(30, TimeUnit.SECONDS)).isTrue();

            List<OutboundMessage> second = db.claim(two);
            secondIsDone.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS))
                    .extracting(OutboundMessage::id)
                    .containsExactly(a1, b1);
            assertThat(second).isEmpty();
        } finally {
            secondIsDone.countDown();
            replicaOne.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void waitsForARetryWithoutLettingTheRecipientsLaterRepliesOvertakeIt(DataSource database) {
        Fixture db = new Fixture(database);
        long a1 = db.queue("A", "a1");
        db.queue("A", "a2");
        long b1 = db.queue("B", "b1");
        db.jdbc.update(
                "UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().plusSeconds(600)),
                a1);

        assertThat(db.claim(db.replica("one"))).extracting(OutboundMessage::id).containsExactly(b1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void takesOverTheReplyOfAReplicaWhoseLeaseRanOut(DataSource database) {
        Fixture db = new Fixture(database);
        long a1 = db.queue("A", "a1");
        OutboxClaims crashed = db.replica("crashed");
        OutboxClaims survivor = db.replica("survivor");
        assertThat(db.claim(crashed)).hasSize(1);
        assertThat(db.claim(survivor)).isEmpty();

        db.jdbc.update(
                "UPDATE outbox SET lease_until = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                a1);

        assertThat(db.claim(survivor)).extracting(OutboundMessage::id).containsExactly(a1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claimsOneProbeWhileSendingIsPaused(DataSource database) {
        Fixture db = new Fixture(database);
        long a1 = db.queue("A", "a1");
        db.queue("B", "b1");
        Instant[] now = {Instant.now()};
        SendingPause pause = new SendingPause(PROPERTIES, new MovableClock(now));
        OutboxClaims replica = new OutboxClaims(db.jdbc, PROPERTIES, pause, "one", Clock.systemUTC());
        pause.pause(new SendOutcome(
                SendResult.answered(401, 190, "token", null),
                new Decision(SendAction.PAUSE, Duration.ZERO, "token", false)));

        assertThat(db.claim(replica)).isEmpty();
        now[0] = now[0].plusSeconds(30);
        List<OutboundMessage> probe = db.claim(replica);

        assertThat(probe).extracting(OutboundMessage::id).containsExactly(a1);
        assertThat(probe.get(0).probe()).isTrue();
        assertThat(db.claim(replica)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One database, emptied of replies, with a way to queue and to claim in a transaction. */
    private static final class Fixture {
        final JdbcTemplate jdbc;
        final TransactionTemplate tx;
        final Outbox outbox;

        Fixture(DataSource dataSource) {
            this.jdbc = new JdbcTemplate(dataSource);
            this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            this.outbox = new Outbox(jdbc);
            jdbc.update("DELETE FROM outbox");
        }

        long queue(String recipient, String text) {
            outbox.enqueueText("guest-" + recipient, recipient, "106540352242922", text, null);
            return jdbc.queryForObject("SELECT MAX(id) FROM outbox", Long.class);
        }

        OutboxClaims replica(String name) {
            return new OutboxClaims(jdbc, PROPERTIES, new SendingPause(PROPERTIES), name, Clock.systemUTC());
        }

        List<OutboundMessage> claim(OutboxClaims replica) {
            return tx.execute(status -> replica.claim());
        }
    }

    private static final class MovableClock extends Clock {
        private final Instant[] now;

        MovableClock(Instant[] now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    }

    private static DataSource h2() {
        return migrated(new DriverManagerDataSource(H2TestUrls.inMemory("claims-" + UUID.randomUUID())));
    }

    private static synchronized DataSource postgres() {
        if (postgres == null) {
            String database = EmbeddedPostgresServer.createDatabase("outbox_claims");
            postgres = migrated(new DriverManagerDataSource(EmbeddedPostgresServer.jdbcUrl(
                    database, EmbeddedPostgresServer.get().getPort())));
        }
        return postgres;
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }
}
