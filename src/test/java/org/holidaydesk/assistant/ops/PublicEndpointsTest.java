package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What load balancers, Kubernetes and operators read from the two ports. */
@ServiceTest
class PublicEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebhookClient publicPort;
    WebhookClient operatorPort;

    @BeforeEach
    void connect() {
        publicPort = new WebhookClient(port);
        operatorPort = new WebhookClient(managementPort);
    }

    @Test
    void reportsHealthyWithTheContractFields() throws Exception {
        HttpResponse<String> response = publicPort.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("service").asText()).isEqualTo("WhatsApp Webhook for Availability Agent");
        assertThat(health.get("environment").asText()).isEqualTo("development");
        assertThat(Instant.parse(health.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void indexNamesTheServiceAndItsEndpoints() throws Exception {
        HttpResponse<String> response = publicPort.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode index = JSON.readTree(response.body());
        assertThat(index.get("service").asText()).isEqualTo("WhatsApp Webhook for Availability Agent");
        assertThat(index.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(index.at("/endpoints/webhook").asText()).isEqualTo(publicPort.baseUrl() + "/webhooks/whatsapp");
        assertThat(index.at("/endpoints/health").asText()).isEqualTo(publicPort.baseUrl() + "/health");
        assertThat(index.at("/endpoints/mcp").asText()).isEqualTo(publicPort.baseUrl() + "/mcp");
    }

    @Test
    void kubernetesProbesAnswerOnTheOperatorPort() {
        assertThat(operatorPort.get("/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> readiness = operatorPort.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"");
    }

    @Test
    void prometheusCountsWebhookOutcomesAndRoutes() {
        byte[] body = Fixtures.textCallback("wamid.metrics", "hello");
        publicPort.postCallback(body, Fixtures.sign(body));
        publicPort.postCallback(body, "sha256=" + "0".repeat(64));

        String metrics = operatorPort.get("/actuator/prometheus").body();

        assertThat(counter(metrics, "whatsapp_webhook_requests_total{outcome=\"accepted\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(counter(metrics, "whatsapp_webhook_requests_total{outcome=\"bad_signature\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("whatsapp_webhook_requests_total{outcome=\"unavailable\"}");
        assertThat(metrics).contains("routeId=\"webhook-ingress\"");
        assertThat(metrics).contains("whatsapp_ingress_lag_seconds");
    }

    @Test
    void publicPortDoesNotServeActuator() {
        assertThat(publicPort.get("/actuator/prometheus").statusCode()).isEqualTo(404);
    }

    private static double counter(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(-1);
    }
}
