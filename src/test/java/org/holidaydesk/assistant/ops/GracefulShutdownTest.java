package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.holidaydesk.assistant.support.ServiceProcess;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Kubernetes stops a pod with SIGTERM, in the middle of whatever it does: here, while a guest's turn waits
 * for a slow model. The replica stops claiming, finishes the turn and sends its reply before it exits; a
 * callback that arrives meanwhile is stored and answered by the next replica; nothing is answered twice.
 */
class GracefulShutdownTest {

    private static final String GUEST = "40752601815";
    private static final String LATE_GUEST = "40711222333";
    private static final int MODEL_DELAY_MILLIS = 4000;

    @TempDir
    Path data;

    @Test
    void sigtermDuringATurnSendsItsReplyAndLosesNothing() throws Exception {
        String url = ServiceProcess.h2FileUrl(data);
        try (CloudApiServer cloudApi = new CloudApiServer();
                OpenAiStub model = new OpenAiStub()) {
            model.answerLate("PELICAN", "Casa Pescarului is free for those dates.", MODEL_DELAY_MILLIS);
            model.answerEverythingElse("Vila Franceza is free then.");
            Map<String, String> environment = Map.of(
                    "WHATSAPP_APP_SECRET",
                    Fixtures.APP_SECRET,
                    "WHATSAPP_ACCESS_TOKEN",
                    "test-token",
                    "WHATSAPP_API_BASE_URL",
                    cloudApi.baseUrl(),
                    "OPENAI_API_KEY",
                    "sk-test",
                    "OPENAI_BASE_URL",
                    model.baseUrl(),
                    "DATABASE_URL",
                    url,
                    "ASSISTANT_PIPELINE_COALESCEWINDOW",
                    "0s");

            Path firstLog = Path.of("target", "sigterm-first-replica.log");
            boolean lateAccepted;
            try (ServiceProcess first = ServiceProcess.start(environment, firstLog)) {
                byte[] question = Fixtures.textCallback("wamid.sigterm-1", "Is Casa Pescarului free PELICAN?");
                assertThat(first.client()
                                .postCallback(question, Fixtures.sign(question))
                                .statusCode())
                        .isEqualTo(200);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !model.requests("PELICAN").isEmpty());

                first.terminate();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Files.readString(firstLog).contains("claims no more callbacks"));
                // the web server still takes callbacks while the turn finishes: stored, not claimed here
                lateAccepted = post(first.client(), lateQuestion());
                first.awaitExit(Duration.ofSeconds(60));
            }

            assertThat(cloudApi.textSends())
                    .as("the running turn's reply went out before the replica exited")
                    .singleElement()
                    .satisfies(send -> {
                        assertThat(send.to()).isEqualTo(GUEST);
                        assertThat(send.text()).isEqualTo("Casa Pescarului is free for those dates.");
                    });
            assertThat(Files.readString(firstLog)).contains("every turn here is answered and its replies are sent");
            assertThat(lateAccepted)
                    .as("a callback during the shutdown is still acknowledged")
                    .isTrue();

            try (ServiceProcess second =
                    ServiceProcess.start(environment, Path.of("target", "sigterm-second-replica.log"))) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> cloudApi.textSends().stream().anyMatch(s -> s.to().equals(LATE_GUEST)));
                second.terminate();
                second.awaitExit(Duration.ofSeconds(60));
            }

            assertThat(cloudApi.textSends())
                    .extracting(CloudApiServer.Send::to)
                    .as("each guest answered once")
                    .containsExactlyInAnyOrder(GUEST, LATE_GUEST);
        }
        JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource(url));
        assertThat(database.queryForObject("SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL", Long.class))
                .isZero();
        assertThat(database.queryForList("SELECT DISTINCT state FROM guest_message", String.class))
                .containsExactly("ANSWERED");
        assertThat(database.queryForList("SELECT DISTINCT state FROM outbox", String.class))
                .containsExactly("SENT");
    }

    private static byte[] lateQuestion() {
        String body = new String(
                Fixtures.textCallback("wamid.sigterm-2", "Anything free next week?"), StandardCharsets.UTF_8);
        return body.replace(GUEST, LATE_GUEST).getBytes(StandardCharsets.UTF_8);
    }

    /** True when the service stored the callback (200). */
    private static boolean post(WebhookClient client, byte[] body) {
        return client.postCallback(body, Fixtures.sign(body)).statusCode() == 200;
    }
}
