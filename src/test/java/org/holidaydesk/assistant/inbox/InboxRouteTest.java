package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox route turns stored callbacks into guest messages and statuses, once each, and quarantines what it cannot read. */
@ServiceTest
class InboxRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void recordsEveryMessageOfEachFixtureOnceWithItsSenderAndNumber() throws Exception {
        for (Fixtures.Case fixture : Fixtures.cases()) {
            if (fixture.expectedStatuses().equals(List.of(200)) && fixture.duplicateOf() == null) {
                assertThat(meta.postCallback(fixture.body(), fixture.signature())
                                .statusCode())
                        .isEqualTo(200);
            }
        }

        for (Fixtures.Case fixture : Fixtures.cases()) {
            if (!fixture.expectedStatuses().equals(List.of(200)) || fixture.duplicateOf() != null) {
                continue;
            }
            for (Expected message : messagesIn(fixture.body())) {
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(jdbc.queryForList(
                                        "SELECT guest_id FROM guest_message WHERE wamid = ?",
                                        String.class,
                                        message.wamid()))
                                .as(fixture.name())
                                .containsExactly(message.guestId()));
                assertThat(jdbc.queryForObject(
                                "SELECT phone_number_id FROM guest_message WHERE wamid = ?",
                                String.class,
                                message.wamid()))
                        .isEqualTo(message.phoneNumberId());
            }
        }
        assertThat(jdbc.queryForObject(
                        "SELECT state FROM guest_message WHERE kind = 'REACTION' FETCH FIRST 1 ROWS ONLY",
                        String.class))
                .isEqualTo("IGNORED");
        // the fixture's own message: the sandbox's samples, in the same database, say these words too
        assertThat(jdbc.queryForObject(
                        "SELECT guest_id FROM guest_message WHERE body = 'Do you have anything this weekend?'"
                                + " AND wamid = ?",
                        String.class,
                        messagesIn(Fixtures.named("username_only_user").body())
                                .get(0)
                                .wamid()))
                .as("a username user is addressed by the business-scoped id")
                .isEqualTo("RO.2154728038528084");
    }

    @Test
    void aRedeliveredCallbackAddsNoMessageAndCountsTheDuplicate() {
        Fixtures.Case original = Fixtures.named("legacy_text");
        meta.postCallback(original.body(), original.signature());
        String wamid = messagesIn(original.body()).get(0).wamid();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT COUNT(*) FROM guest_message WHERE wamid = ?", wamid) == 1);
        double duplicatesBefore = meters.counter("whatsapp.duplicates").count();

        assertThat(meta.postCallback(original.body(), original.signature()).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.counter("whatsapp.duplicates").count() > duplicatesBefore);
        assertThat(count("SELECT COUNT(*) FROM guest_message WHERE wamid = ?", wamid))
                .isEqualTo(1);
    }

    @Test
    void recordsDeliveryStatusesAndAFailureWithItsCode() {
        Fixtures.Case failed = Fixtures.named("status_failed_131047");
        meta.postCallback(failed.body(), failed.signature());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT error_code FROM message_status WHERE wamid = ? AND status = 'failed'",
                                Integer.class,
                                "wamid.StB5+QXHWF2bJZ4UADhwOIn4Jhp8kRI6dilXeFsy"))
                        .containsExactly(131047));
        assertThat(meters.find("whatsapp.statuses").tag("status", "failed").counter())
                .isNotNull();
    }

    @Test
    void linksAFailedStatusToTheReplyItReportsOn() {
        jdbc.update(
                "INSERT INTO outbox (guest_id, recipient, phone_number_id, kind, body, state, attempts, next_attempt_at,"
                        + " created_at, sent_at, sent_wamid) VALUES ('40700000077', '40700000077', '106540352242922', 'text', 'hi',"
                        + " 'SENT', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'wamid.sent-reply-77')");
        Long reply = jdbc.queryForObject("SELECT id FROM outbox WHERE sent_wamid = 'wamid.sent-reply-77'", Long.class);
        byte[] status = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\",\"phone_number_id\":"
                        + "\"106540352242922\"},\"statuses\":[{\"id\":\"wamid.sent-reply-77\",\"status\":\"failed\",\"timestamp\":"
                        + "\"1795536126\",\"recipient_id\":\"40700000077\",\"errors\":[{\"code\":131047,\"title\":"
                        + "\"Re-engagement message\"}]}]},\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(meta.postCallback(status, Fixtures.sign(status)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT outbox_id FROM message_status WHERE wamid = 'wamid.sent-reply-77'", Long.class))
                        .containsExactly(reply));
        assertThat(jdbc.queryForObject("SELECT last_error_code FROM outbox WHERE id = ?", Integer.class, reply))
                .isEqualTo(131047);
    }

    @Test
    void quarantinesACallbackItCannotReadAndGoesOnWithTheNext() {
        byte[] unreadable =
                "{\"object\":\"whatsapp_business_account\",\"entry\":\"not a list\"}".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        byte[] good = Fixtures.textCallback("wamid.after-quarantine", "still answered");
        long quarantinedBefore = count("SELECT COUNT(*) FROM inbox_quarantine");

        assertThat(meta.postCallback(unreadable, Fixtures.sign(unreadable)).statusCode())
                .isEqualTo(200);
        assertThat(meta.postCallback(invalid, Fixtures.sign(invalid)).statusCode())
                .isEqualTo(200);
        assertThat(meta.postCallback(good, Fixtures.sign(good)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT COUNT(*) FROM guest_message WHERE wamid = 'wamid.after-quarantine'") == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT COUNT(*) FROM inbox_quarantine") == quarantinedBefore + 2);
        assertThat(jdbc.queryForList(
                        "SELECT reason FROM inbox_quarantine ORDER BY id DESC FETCH FIRST 2 ROWS ONLY", String.class))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private record Expected(String wamid, String guestId, String phoneNumberId) {}

    /** The messages a body carries, read independently of the service's parser. */
    private static List<Expected> messagesIn(byte[] body) {
        List<Expected> expected = new ArrayList<>();
        try {
            for (JsonNode entry : JSON.readTree(body).path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    String number = change.at("/value/metadata/phone_number_id").asText();
                    for (JsonNode message : change.at("/value/messages")) {
                        String guest = message.hasNonNull("from")
                                ? message.get("from").asText()
                                : message.get("from_user_id").asText();
                        // a guest known by user id alone who changed it is the same guest under the new id
                        if ("user_changed_user_id"
                                        .equals(message.at("/system/type").asText())
                                && !message.hasNonNull("from")) {
                            guest = message.at("/system/user_id").asText();
                        }
                        expected.add(new Expected(message.get("id").asText(), guest, number));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return expected;
    }
}
