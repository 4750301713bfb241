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
 * reservation per number; read receipts and handoff notes take none; each message goes at its slot, and a
 * message without one (no database, or it missed its slot twice) is not sent.
 */
class SendRateTest {

    private static final String NUMBER = "106540352242922";
    private static final String OTHER_NUMBER = "209876543210987";
    private static final CloudApiRequests REQUESTS = new CloudApiRequests(new WhatsAppProperties("verify", "secret", false,
            "token-123", "000000000000000", URI.create("https://graph.facebook.com/"), "v24.0"));

    private JdbcTemplate jdbc;
    private SendBudget budget;
    private SendRate sendRate;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:send-rate-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        budget = new SendBudget(jdbc, new DataSourceTransactionManager(dataSource), 10, Clock.systemUTC());
        sendRate = new SendRate(budget, REQUESTS);
    }

    @Test
    void reservesABatchsSlotsOncePerNumberAndNoneForReadReceiptsOrHandoffNotes() {
        List<OutboundMessage> batch = List.of(row(1, NUMBER, Outbox.TEXT), row(2, NUMBER, Outbox.READ),
                row(3, OTHER_NUMBER, Outbox.INTERACTIVE), row(4, NUMBER, Outbox.TEXT), row(5, "", Outbox.HANDOFF));

        Map<Long, Instant> slots = sendRate.reserve(batch).slots();

        assertThat(slots).containsOnlyKeys(1L, 3L, 4L);
        assertThat(Duration.between(slots.get(1L), slots.get(4L))).isEqualTo(budget.interval());
        assertThat(nextSlot(NUMBER)).isEqualTo(slots.get(4L).plus(budget.interval()));
        assertThat(nextSlot(OTHER_NUMBER)).isEqualTo(slots.get(3L).plus(budget.interval()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_budget", Integer.class)).isEqualTo(2);
    }

    @Test
    void letsAReadReceiptGoAtOnceWithoutASlot() {
        sendRate.acquire(row(1, NUMBER, Outbox.READ), null);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_budget", Integer.class)).isZero();
    }

    @Test
    void sendsEachMessageOfABatchNoSoonerThanItsSlot() {
        List<OutboundMessage> batch = List.of(row(1, NUMBER, Outbox.TEXT), row(2, NUMBER, Outbox.TEXT),
                row(3, NUMBER, Outbox.TEXT));
        SendRate.BatchSlots slots = sendRate.reserve(batch);

        sendRate.acquire(batch.get(2), slots);

        assertThat(Instant.now()).isAfterOrEqualTo(slots.slots().get(3L));
        assertThat(nextSlot(NUMBER)).as("no slot taken besides the batch's")
                .isEqualTo(slots.slots().get(3L).plus(budget.interval()));
    }

    @Test
    void givesAMessageSentOutsideABatchASlotOfItsOwn() {
        Instant before = Instant.now();

        sendRate.acquire(row(1, NUMBER, Outbox.TEXT), null);

        assertThat(nextSlot(NUMBER)).isAfterOrEqualTo(before.plus(budget.interval()));
    }

    @Test
    void givesAMessageThatMissedItsSlotAFreshOneBehindTheQueue() {
        OutboundMessage late = row(1, NUMBER, Outbox.TEXT);
        Instant missed = Instant.now().minusSeconds(1);
        Instant before = Instant.now();

        sendRate.acquire(late, new SendRate.BatchSlots(Map.of(1L, missed)));

        assertThat(nextSlot(NUMBER)).as("a fresh slot was reserved").isAfterOrEqualTo(before.plus(budget.interval()));
    }

    @Test
    void sendsNothingWithoutTheDatabasesSlot() {
        jdbc.execute("DROP TABLE send_budget");
        OutboundMessage text = row(1, NUMBER, Outbox.TEXT);

        SendRate.BatchSlots slots = sendRate.reserve(List.of(text));

        assertThat(slots.slots()).isEmpty();
        assertThatThrownBy(() -> sendRate.acquire(text, slots)).isInstanceOf(SendRate.SlotUnavailable.class)
                .hasMessageContaining("database");
        // a read receipt does not need the budget
        sendRate.acquire(row(2, NUMBER, Outbox.READ), slots);
    }

    private Instant nextSlot(String number) {
        return jdbc.queryForObject("SELECT next_slot FROM send_budget WHERE phone_number_id = ?", Timestamp.class, number)
                .toInstant();
    }

    private static OutboundMessage row(long id, String number, String kind) {
        return new OutboundMessage(id, "guest-" + id, "4071234567" + id, number, kind, "body", "wamid.in-" + id, 0, false);
    }
}
