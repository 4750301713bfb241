package org.holidaydesk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.holidaydesk.assistant.support.ProductionServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.holidaydesk.assistant.webhook.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In production the sandbox does not exist: every simulator address answers 404, the operator panel's data
 * included, and no turn is traced for it.
 */
@ProductionServiceTest
class SimulatorProductionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hidesTheSimulatorPage() {
        assertThat(new WebhookClient(port).get("/simulator").statusCode()).isEqualTo(404);
    }

    @Test
    void hidesTheSandboxReplies() {
        assertThat(new WebhookClient(port)
                        .get("/simulator/messages?guest=40712345678")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesToPostAsAGuest() {
        WebhookClient client = new WebhookClient(port);

        int status = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/simulator/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"x\",\"phone\":\"40712345678\",\"text\":\"hi\"}"))
                        .build())
                .statusCode();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void refusesToTapAsAGuest() {
        WebhookClient client = new WebhookClient(port);

        int status = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/simulator/taps"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"phone\":\"40712345678\",\"reply\":1,\"choice\":\"prop_1\"}"))
                        .build())
                .statusCode();

        assertThat(status).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/simulator/thread?guest=40712345678",
                "/simulator/panel?guest=40712345678",
                "/simulator/guests",
                "/simulator/messages?guest=RO.9083016613186091"
            })
    void hidesThePanelAndTheThreads(String path) {
        assertThat(new WebhookClient(port).get(path).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/simulator/samples", "/simulator/reads"})
    void refusesSamplesAndReadStatuses(String path) {
        WebhookClient client = new WebhookClient(port);

        int status = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"phone\":\"40712345678\",\"sample\":\"voice\",\"replies\":[1]}"))
                        .build())
                .statusCode();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void keepsNoTraceOfTheTurnsItAnswers() {
        byte[] callback =
                ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"40712345001\"}],"
                                + "\"messages\":[{\"from\":\"40712345001\",\"id\":\"wamid.production-trace\",\"timestamp\":\"1795536007\","
                                + "\"type\":\"text\",\"text\":{\"body\":\"Is Casa Pescarului free next month for 2?\"}}]}}]}]}")
                        .getBytes(StandardCharsets.UTF_8);

        int status = new WebhookClient(port)
                .postCallback(callback, new SignatureVerifier("dev-fixture-app-secret-6f1c").headerFor(callback))
                .statusCode();

        assertThat(status).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ANSWERED"
                        .equals(jdbc
                                .queryForList(
                                        "SELECT state FROM guest_message WHERE wamid = 'wamid.production-trace'",
                                        String.class)
                                .stream()
                                .findFirst()
                                .orElse(null)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM turn_trace", Integer.class))
                .isZero();
    }
}
