package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.PoisonedBatch;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stage of the pipeline whose work the database keeps refusing, while callbacks are still stored and
 * acknowledged: health says which stage fails and why (readiness and liveness do not: the replica still
 * stores every callback, so it stays in the Service), the failures are
 * counted by stage, the log says it once when it starts and once when it ends, and once the database takes
 * the work again the waiting guests are answered and health is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:pipeline-failures;DB_CLOSE_DELAY=-1",
            // failed work is tried again soon: a callback's claim runs out after 2 s, a guest's turn after 2 + 5 s
            "assistant.pipeline.claim-lease=2s",
            "assistant.pipeline.agent-timeout=5s",
            "assistant.pipeline.failing-after=3"
        })
@AutoConfigureMetrics
@ExtendWith(OutputCaptureExtension.class)
class PipelineFailuresTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void mendTheDatabase() {
        jdbc.execute("ALTER TABLE IF EXISTS guest_message_away RENAME TO guest_message");
        jdbc.execute("ALTER TABLE outbox DROP CONSTRAINT IF EXISTS refuses_test_guests");
    }

    @Test
    void callbacksThatCannotBeRecordedMakeTheInboxFailingUntilTheyAre(CapturedOutput output) {
        WebhookClient meta = new WebhookClient(port);
        WebhookClient operator = new WebhookClient(managementPort);
        double failuresBefore = scrape(operator, "assistant_pipeline_failures_total", "inbox");
        jdbc.execute("ALTER TABLE guest_message RENAME TO guest_message_away");

        List<String> guests = post(meta, "4075999100", "wamid.inbox-failing-");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> operator.get("/actuator/health").statusCode() == 503);
        HttpResponse<String> overall = operator.get("/actuator/health");
        assertThat(readJson(overall.body()).at("/components/pipeline/status").asText())
                .isEqualTo("DOWN");
        assertThat(overall.body())
                .contains("\"state\":\"failing\"", "inbox: ", "failures in a row", "guests are not answered");
        assertThat(operator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(operator.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> health = meta.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .contains("\"status\":\"unhealthy\"", "\"pipeline\":\"failing\"", "\"failingStages\":[\"inbox\"]");
        assertThat(scrape(operator, "assistant_pipeline_failures_total", "inbox"))
                .isGreaterThanOrEqualTo(failuresBefore + 3);
        assertThat(scrape(operator, "assistant_pipeline_failing", "inbox")).isEqualTo(1);
        assertThat(scrape(operator, "assistant_pipeline_failing", "turns")).isZero();

        jdbc.execute("ALTER TABLE guest_message_away RENAME TO guest_message");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        answered(guests) && operator.get("/actuator/health").statusCode() == 200);
        assertThat(meta.get("/health").statusCode()).isEqualTo(200);
        assertThat(scrape(operator, "assistant_pipeline_failing", "inbox")).isZero();
        assertOneLineEachWay(output, "inbox");
    }

    @Test
    void turnsTheDatabaseRefusesMakeTheTurnsFailingUntilTheyGoThrough(CapturedOutput output) {
        WebhookClient meta = new WebhookClient(port);
        WebhookClient operator = new WebhookClient(managementPort);
        // a read receipt or an answer to these guests cannot be queued: their turns can neither begin nor finish
        jdbc.execute("ALTER TABLE outbox ADD CONSTRAINT refuses_test_guests CHECK (recipient NOT LIKE '4075999200%')");

        List<String> guests = post(meta, "4075999200", "wamid.turns-failing-");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> operator.get("/actuator/health").statusCode() == 503);
        assertThat(operator.get("/actuator/health").body())
                .contains("turns: ", "guests' turns are not answered", "DataIntegrityViolationException");
        assertThat(operator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(operator.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(meta.get("/health").body()).contains("\"failingStages\":[\"turns\"]");
        assertThat(scrape(operator, "assistant_pipeline_failures_total", "turns"))
                .isGreaterThanOrEqualTo(3);
        assertThat(scrape(operator, "assistant_pipeline_failing", "turns")).isEqualTo(1);

        jdbc.execute("ALTER TABLE outbox DROP CONSTRAINT refuses_test_guests");

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        answered(guests) && operator.get("/actuator/health").statusCode() == 200);
        assertThat(meta.get("/health").statusCode()).isEqualTo(200);
        assertOneLineEachWay(output, "turns");
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Three guests write once each; every callback is acknowledged. */
    private static List<String> post(WebhookClient meta, String guestPrefix, String wamidPrefix) {
        List<String> guests =
                IntStream.rangeClosed(1, 3).mapToObj(i -> guestPrefix + i).toList();
        for (String guest : guests) {
            byte[] body = new String(
                            Fixtures.textCallback(wamidPrefix + guest, "Is Casa Pescarului free next month for two?"),
                            StandardCharsets.UTF_8)
                    .replace("40752601815", guest)
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(meta.postCallback(body, Fixtures.sign(body)).statusCode())
                    .isEqualTo(200);
        }
        return guests;
    }

    private boolean answered(List<String> guests) {
        return guests.stream()
                .allMatch(guest -> count("SELECT COUNT(*) FROM outbox WHERE kind = 'text' AND recipient = ?", guest) > 0
                        && count("SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND state = 'ANSWERED'", guest)
                                == 1);
    }

    @Test
    void aCallbackTheDatabaseRefusesIsRolledBackAloneAndTheRestOfItsBatchIsCommitted() {
        PoisonedBatch batch = new PoisonedBatch(jdbc, "wamid.h2-batch");
        try (batch) {
            batch.storeAndCheckTheOthersAreCommitted();
        }
        // its claim runs out (2 s) and it is taken again, now that the database accepts it
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> batch.recorded(batch.poisoned()));
    }

    private static void assertOneLineEachWay(CapturedOutput output, String stage) {
        List<String> lines = output.getOut().lines().toList();
        assertThat(lines)
                .filteredOn(line -> line.contains("Pipeline stage " + stage + " is failing"))
                .singleElement()
                .asString()
                .contains("ERROR");
        assertThat(lines)
                .filteredOn(line -> line.contains("Pipeline stage " + stage + " works again"))
                .hasSize(1);
        assertThat(output.getAll())
                .as("no guest's number, no stack trace per message")
                .doesNotContain("40759991", "40759992", "Failed delivery for");
    }

    private static double scrape(WebhookClient operator, String metric, String stage) {
        String body = operator.get("/actuator/prometheus").body();
        return body.lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains("stage=\"" + stage + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(metric + "{stage=" + stage + "} is not exported"));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
