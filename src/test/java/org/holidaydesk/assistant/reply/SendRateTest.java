package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How the reply route uses a business number's send rate: a claimed batch reserves its slots at once, one
 * reservation per number; read receipts and handoff notes take neither a slot nor a place; each message goes
 * at its slot holding a place, which it gives back when its attempt is over; a message without a slot or a
 * place (no database, every place busy) is not sent, and one that woke late still goes.
 */
class SendRateTest {

    private static final String NUMBER = "106540352242922";
    private static final String OTHER_NUMBER = "209876543210987";
    private static final CloudApiRequests REQUESTS = new CloudApiRequests(new WhatsAppProperties(
            "verify",
            "secret",
            false,
            "token-123",
            "000000000000000",
            URI.create("https://graph.facebook.com/"),
            "v24.0"));

    private JdbcTemplate jdbc;
    private SendBudget budget;
    private SendRate sendRate;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:send-rate-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        budget = new SendBudget(jdbc, new DataSourceTransactionManager(dataSource), 10, Clock.systemUTC());
        sendRate = new SendRate(budget, REQUESTS);
    }

    @Test
    void reservesABatchsSlotsOncePerNumberAndNoneForReadReceiptsOrHandoffNotes() {
        List<OutboundMessage> batch = List.of(
                row(1, NUMBER, Outbox.TEXT),
                row(2, NUMBER, Outbox.READ),
                row(3, OTHER_NUMBER, Outbox.INTERACTIVE),
                row(4, NUMBER, Outbox.TEXT),
                row(5, "", Outbox.HANDOFF));

        Map<Long, Instant> slots = sendRate.reserve(batch).slots();

        assertThat(slots).containsOnlyKeys(1L, 3L, 4L);
        assertThat(Duration.between(slots.get(1L), slots.get(4L))).isEqualTo(budget.interval());
        assertThat(nextSlot(NUMBER)).isEqualTo(slots.get(4L).plus(budget.interval()));
        assertThat(nextSlot(OTHER_NUMBER)).isEqualTo(slots.get(3L).plus(budget.interval()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_budget", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void letsAReadReceiptOrAHandoffNoteGoAtOnceWithoutASlotOrAPlace() {
        assertThat(sendRate.acquire(row(1, NUMBER, Outbox.READ), null)).isNull();
        assertThat(sendRate.acquire(row(2, "", Outbox.HANDOFF), null)).isNull();
        sendRate.release(null);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_budget", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_place", Integer.class))
                .isZero();
    }

    @Test
    void sendsEachMessageOfABatchNoSoonerThanItsSlot() {
        List<OutboundMessage> batch =
                List.of(row(1, NUMBER, Outbox.TEXT), row(2, NUMBER, Outbox.TEXT), row(3, NUMBER, Outbox.TEXT));
        SendRate.BatchSlots slots = sendRate.reserve(batch);

        sendRate.acquire(batch.get(2), slots);

        assertThat(Instant.now()).isAfterOrEqualTo(slots.slots().get(3L));
        assertThat(nextSlot(NUMBER))
                .as("no slot taken besides the batch's")
                .isEqualTo(slots.slots().get(3L).plus(budget.interval()));
    }

    @Test
    void givesAMessageSentOutsideABatchASlotOfItsOwn() {
        Instant before = Instant.now();

        sendRate.acquire(row(1, NUMBER, Outbox.TEXT), null);

        assertThat(nextSlot(NUMBER)).isAfterOrEqualTo(before.plus(budget.interval()));
    }

    @Test
    void sendsAnIdleNumbersReplyAtOnceHoldingAPlaceUntilItsAttemptIsOver() {
        Instant before = Instant.now();

        SendBudget.Place place = sendRate.acquire(row(1, NUMBER, Outbox.TEXT), null);

        assertThat(Duration.between(before, Instant.now()))
                .as("no waiting beyond the slot's lead")
                .isLessThan(Duration.ofMillis(500));
        assertThat(place.phoneNumberId()).isEqualTo(NUMBER);
        assertThat(jdbc.queryForList(
                        "SELECT holder FROM send_place WHERE phone_number_id = ? AND holder IS NOT NULL",
                        String.class,
                        NUMBER))
                .containsExactly(place.holder());

        Instant completed = Instant.now();
        sendRate.release(place);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_place WHERE holder IS NOT NULL", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(free_at) FROM send_place", Timestamp.class)
                        .toInstant())
                .as("it cools down from the end of the attempt")
                .isAfterOrEqualTo(completed.plus(budget.cooldown()));
    }

    @Test
    void sendsAMessageThatWokeLateForItsSlotAtOnceWhenAPlaceIsFree() {
        OutboundMessage late = row(1, NUMBER, Outbox.TEXT);
        Instant missed = Instant.now().minusSeconds(1);

        assertThat(sendRate.acquire(late, new SendRate.BatchSlots(Map.of(1L, missed))))
                .isNotNull();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_budget", Integer.class))
                .as("no second slot: the places keep the rate")
                .isZero();
    }

    @Test
    void putsAMessageBackInTheQueueWhenEveryPlaceStaysBusyLongerThanItMayWait() {
        SendRate impatient = new SendRate(budget, REQUESTS, Clock.systemUTC(), Duration.ofMillis(200));
        for (int i = 0; i < budget.places(); i++) {
            assertThat(impatient.acquire(row(i, NUMBER, Outbox.TEXT), null)).isNotNull();
        }
        Instant before = Instant.now();

        assertThatThrownBy(() -> impatient.acquire(row(99, NUMBER, Outbox.TEXT), null))
                .isInstanceOf(SendRate.SlotUnavailable.class)
                .hasMessageContaining("busy");
        assertThat(Duration.between(before, Instant.now()))
                .as("it does not wait for a place it cannot get in time")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void sendsNothingWithoutTheDatabasesSlotOrPlace() {
        jdbc.execute("DROP TABLE send_budget");
        OutboundMessage text = row(1, NUMBER, Outbox.TEXT);

        SendRate.BatchSlots slots = sendRate.reserve(List.of(text));

        assertThat(slots.slots()).isEmpty();
        assertThatThrownBy(() -> sendRate.acquire(text, slots))
                .isInstanceOf(SendRate.SlotUnavailable.class)
                .hasMessageContaining("database");
        // a read receipt does not need the budget
        sendRate.acquire(row(2, NUMBER, Outbox.READ), slots);

        jdbc.execute("DROP TABLE send_place");
        SendRate.BatchSlots slot = new SendRate.BatchSlots(Map.of(3L, Instant.now()));
        assertThatThrownBy(() -> sendRate.acquire(row(3, NUMBER, Outbox.TEXT), slot))
                .isInstanceOf(SendRate.SlotUnavailable.class)
                .hasMessageContaining("database");
    }

    @Test
    void neverFailsASendWhoseAttemptIsOverWhenThePlaceCannotBeGivenBack() {
        SendBudget.Place place = sendRate.acquire(row(1, NUMBER, Outbox.TEXT), null);
        jdbc.execute("DROP TABLE send_place");

        sendRate.release(place);
    }

    private Instant nextSlot(String number) {
        return jdbc.queryForObject(
                        "SELECT next_slot FROM send_budget WHERE phone_number_id = ?", Timestamp.class, number)
                .toInstant();
    }

    private static OutboundMessage row(long id, String number, String kind) {
        return new OutboundMessage(
                id, "guest-" + id, "4071234567" + id, number, kind, "body", "wamid.in-" + id, 0, false);
    }
}
