package org.holidaydesk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** In production the sandbox does not exist: every simulator address answers 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "APP_ENV=production",
        "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
        "WHATSAPP_VERIFY_TOKEN=dev-fixture-verify-token",
        "WHATSAPP_ACCESS_TOKEN=production-token",
        "WHATSAPP_PHONE_NUMBER_ID=106540352242922",
        "WHATSAPP_API_BASE_URL=http://127.0.0.1:9",
        "OPERATOR_TOKEN=production-operator-token",
        "MANAGEMENT_PORT=0",
        "DATABASE_URL=jdbc:h2:mem:reply-production;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
})
@DirtiesContext
class SimulatorProductionTest {

    @LocalServerPort
    int port;

    @Test
    void hidesTheSimulatorPage() {
        assertThat(new WebhookClient(port).get("/simulator").statusCode()).isEqualTo(404);
    }

    @Test
    void hidesTheSandboxReplies() {
        assertThat(new WebhookClient(port).get("/simulator/messages?guest=40712345678").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesToPostAsAGuest() {
        WebhookClient client = new WebhookClient(port);

        int status = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/simulator/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"phone\":\"40712345678\",\"text\":\"hi\"}"))
                .build()).statusCode();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void refusesToTapAsAGuest() {
        WebhookClient client = new WebhookClient(port);

        int status = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/simulator/taps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"40712345678\",\"reply\":1,\"choice\":\"prop_1\"}"))
                .build()).statusCode();

        assertThat(status).isEqualTo(404);
    }
}
