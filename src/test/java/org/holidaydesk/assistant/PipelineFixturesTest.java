package org.holidaydesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline over real HTTP, with WireMock as the Cloud API: each fixture gets the replies its
 * {@code expect} block lists (recipients, bounds on the number of sends, the sending number), and Meta's
 * redelivery of every body produces no further reply.
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_ACCESS_TOKEN=test-token",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:pipeline-fixtures;DB_CLOSE_DELAY=-1",
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloudApiServer CLOUD_API = new CloudApiServer();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void cloudApi(DynamicPropertyRegistry registry) {
        registry.add("WHATSAPP_API_BASE_URL", CLOUD_API::baseUrl);
    }

    @AfterAll
    static void stopCloudApi() {
        CLOUD_API.close();
    }

    record Expectation(
            String name,
            byte[] body,
            String signature,
            List<String> repliesTo,
            String fromNumber,
            int minSends,
            int maxSends) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Expectation> acceptedCases() throws IOException {
        JsonNode index = JSON.readTree(Fixtures.resource("fixtures/cases.json"));
        List<Expectation> cases = new ArrayList<>();
        for (JsonNode c : index.get("cases")) {
            JsonNode expect = c.get("expect");
            if (c.hasNonNull("duplicate_of")
                    || !c.hasNonNull("body")
                    || expect.get("http").size() != 1
                    || expect.get("http").get(0).asInt() != 200) {
                continue;
            }
            List<String> repliesTo = new ArrayList<>();
            expect.get("replies_to").forEach(r -> repliesTo.add(r.asText()));
            int max = expect.get("max_sends").asInt();
            int min = expect.has("min_sends") ? expect.get("min_sends").asInt() : max;
            cases.add(new Expectation(
                    c.get("name").asText(),
                    Fixtures.resource("fixtures/" + c.get("body").asText()),
                    c.get("signature").asText(),
                    repliesTo,
                    expect.get("reply_from_phone_number_id").asText(),
                    min,
                    max));
        }
        return cases.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    void answersEachFixtureAsItsExpectationSays(Expectation fixture) {
        WebhookClient meta = new WebhookClient(port);
        CLOUD_API.forgetRequests();
        List<String> wamids = messageIds(fixture.body());

        assertThat(meta.postCallback(fixture.body(), fixture.signature()).statusCode())
                .isEqualTo(200);

        // settled can be seen a moment before a cold first turn queues its answer: the expected sends are awaited
        // too, or this case would end early and its answer be counted in the next case's sends
        await().atMost(Duration.ofSeconds(30))
                .until(() -> settled(wamids, fixture.repliesTo())
                        && CLOUD_API.answerSends().size() >= fixture.minSends());
        // the fixtures bound text and interactive sends alike
        List<CloudApiServer.Send> texts = CLOUD_API.answerSends();
        assertThat(texts.size()).as("text and interactive sends").isBetween(fixture.minSends(), fixture.maxSends());
        assertThat(texts).allSatisfy(send -> {
            assertThat(send.phoneNumberId()).isEqualTo(fixture.fromNumber());
            assertThat(send.authorization()).isEqualTo("Bearer test-token");
            assertThat(send.text()).isNotBlank().hasSizeLessThanOrEqualTo(4096);
        });
        assertThat(texts.stream().map(CloudApiServer.Send::to).toList())
                .as("each guest who expects an answer gets one, nobody else")
                .containsAll(new HashSet<>(fixture.repliesTo()))
                .allMatch(fixture.repliesTo()::contains);
    }

    @Order(2)
    @Test
    void redeliveringEveryBodyProducesNoFurtherReply() throws IOException {
        WebhookClient meta = new WebhookClient(port);
        long outboxBefore = count("SELECT COUNT(*) FROM outbox");
        CLOUD_API.forgetRequests();

        for (Expectation fixture : acceptedCases().toList()) {
            assertThat(meta.postCallback(fixture.body(), fixture.signature()).statusCode())
                    .isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL") == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT COUNT(*) FROM guest WHERE ready_at IS NOT NULL") == 0);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
        assertThat(CLOUD_API.answerSends()).isEmpty();
    }

    @Order(3)
    @Test
    void operatorsSeeEveryMetricTheContractNames() {
        String metrics =
                new WebhookClient(managementPort).get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains(
                        "whatsapp_webhook_requests_total{outcome=\"accepted\"}",
                        "whatsapp_messages_received_total{type=\"text\"}",
                        "whatsapp_messages_received_total{type=\"audio\"}",
                        "whatsapp_duplicates_total",
                        "whatsapp_replies_sent_total",
                        "whatsapp_statuses_total{status=\"failed\"}",
                        "whatsapp_statuses_total{status=\"delivered\"}",
                        "whatsapp_dead_letters",
                        "agent_reply_seconds_count",
                        "whatsapp_ingress_lag_seconds",
                        "routeId=\"agent-turns\"",
                        "routeId=\"reply-send\"");
    }

    /** All of the case's messages are handled and everything queued for its guests has gone out. */
    private boolean settled(List<String> wamids, List<String> recipients) {
        long pendingMessages = wamids.stream()
                .mapToLong(w -> count("SELECT COUNT(*) FROM guest_message WHERE wamid = ? AND state = 'PENDING'", w))
                .sum();
        long known = wamids.stream()
                .mapToLong(w -> count("SELECT COUNT(*) FROM guest_message WHERE wamid = ?", w))
                .sum();
        long unsent = new HashSet<>(recipients)
                .stream()
                        .mapToLong(r -> count("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND state <> 'SENT'", r))
                        .sum();
        long inboxPending = count("SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL");
        return inboxPending == 0 && known == wamids.size() && pendingMessages == 0 && unsent == 0;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static List<String> messageIds(byte[] body) {
        List<String> ids = new ArrayList<>();
        try {
            for (JsonNode entry : JSON.readTree(body).path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    change.at("/value/messages")
                            .forEach(m -> ids.add(m.get("id").asText()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
