package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A message that comes without an {@code id} (a relay's or another tool's payload) is recorded under an id
 * made from its content and answered; delivered again, it is recognised and not answered twice.
 */
@ServiceTest
class MessageWithoutIdTest {

    private static final String GUEST = "40700000941";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    WebhookClient meta;

    @BeforeEach
    void connect() {
        meta = new WebhookClient(port);
    }

    @Test
    void aMessageWithoutAnIdIsAnsweredOnceEvenWhenDeliveredTwice() {
        byte[] body =
                ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Relay Guest\"},"
                                + "\"wa_id\":\"" + GUEST + "\"}],\"messages\":[{\"from\":\"" + GUEST
                                + "\",\"timestamp\":\"1795536941\","
                                + "\"type\":\"text\",\"text\":{\"body\":\"Hello, I need a place to stay\"}}]},\"field\":\"messages\"}]}]}")
                        .getBytes(StandardCharsets.UTF_8);
        OutboxRows outbox = new OutboxRows(jdbc);

        assertThat(meta.postCallback(body, Fixtures.sign(body)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForList(
                                "SELECT state FROM guest_message WHERE guest_id = ?", String.class, GUEST)
                        .equals(List.of("ANSWERED")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.to(GUEST).stream().anyMatch(r -> r.kind().equals("text")));
        List<OutboxRows.Row> answered = outbox.to(GUEST);
        assertThat(answered)
                .extracting(OutboxRows.Row::kind)
                .as("no read receipt for an id Meta never gave")
                .containsOnly("text");
        assertThat(answered.get(0).body()).contains("how many guests");
        double duplicatesBefore = meters.counter("whatsapp.duplicates").count();

        assertThat(meta.postCallback(body, Fixtures.sign(body)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("whatsapp.duplicates").count() > duplicatesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guest_message WHERE guest_id = ?", Long.class, GUEST))
                .isEqualTo(1);
        assertThat(outbox.to(GUEST)).hasSameSizeAs(answered);
    }
}
