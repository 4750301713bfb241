package org.holidaydesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Three replicas on one real PostgreSQL answer more guests at once than the business number may send to:
 * together they keep to the number's send rate, in every second as Meta receives the messages (read
 * receipts apart), and every message is still answered exactly once. A low rate makes the sending last a
 * dozen seconds, so that many windows are checked, each replica's lateness on a loaded machine included.
 */
class ThreeReplicasSendRateTest {

    private static final int RATE = 5;
    private static final int GUESTS = 60;
    private static final String NUMBER = "106540352242922";

    @Test
    void keepsTheNumbersRateInEverySecondAcrossReplicasAndAnswersEveryMessageOnce() throws Exception {
        String database = EmbeddedPostgresServer.createDatabase("send_rate_replicas");
        String url = EmbeddedPostgresServer.jdbcUrl(
                database, EmbeddedPostgresServer.get().getPort());
        try (CloudApiServer cloudApi = new CloudApiServer();
                ConfigurableApplicationContext first = replica(url, cloudApi);
                ConfigurableApplicationContext second = replica(url, cloudApi);
                ConfigurableApplicationContext third = replica(url, cloudApi)) {
            List<ConfigurableApplicationContext> contexts = List.of(first, second, third);
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
            // no warm-up: a replica's first send, slow while it makes its HTTP client, is one more late send

            // all guests write at once: their answers are ready far faster than 5 a second
            List<WebhookClient> replicas =
                    contexts.stream().map(ThreeReplicasSendRateTest::client).toList();
            List<String> wamids = new ArrayList<>();
            for (int g = 0; g < GUESTS; g++) {
                String wamid = "wamid.rate-" + g;
                byte[] forGuest = new String(
                                Fixtures.textCallback(wamid, "Hello, is anything free in June?"),
                                StandardCharsets.UTF_8)
                        .replace("40752601815", guest(g))
                        .getBytes(StandardCharsets.UTF_8);
                assertThat(replicas.get(g % 3)
                                .postCallback(forGuest, Fixtures.sign(forGuest))
                                .statusCode())
                        .isEqualTo(200);
                wamids.add(wamid);
            }

            await().atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(
                                            jdbc,
                                            "SELECT COUNT(*) FROM guest_message WHERE wamid LIKE 'wamid.rate-%' AND state = 'ANSWERED'")
                                    == wamids.size()
                            && count(jdbc, "SELECT COUNT(*) FROM outbox WHERE state <> 'SENT'") == 0);

            assertThat(count(jdbc, "SELECT COUNT(*) FROM send_place WHERE holder IS NOT NULL"))
                    .as("every send gave its place back")
                    .isZero();
            assertThat(jdbc.queryForList("SELECT in_reply_to FROM outbox WHERE kind = 'read'", String.class))
                    .as("each message is taken into exactly one turn")
                    .hasSize(wamids.size())
                    .doesNotHaveDuplicates();
            List<CloudApiServer.Send> answers = cloudApi.sends().stream()
                    .filter(send -> !send.isReadReceipt() && NUMBER.equals(send.phoneNumberId()))
                    .toList();
            assertThat(answers)
                    .as("every answer went out from the business number the guests wrote to")
                    .hasSameSizeAs(cloudApi.sends().stream()
                            .filter(send -> !send.isReadReceipt())
                            .toList());
            List<String> queued = jdbc.queryForList(
                    "SELECT recipient FROM outbox WHERE kind <> 'read' ORDER BY recipient, id", String.class);
            assertThat(answers.stream().map(CloudApiServer.Send::to).sorted().toList())
                    .as("each queued answer sent exactly once")
                    .isEqualTo(queued.stream().sorted().toList());
            assertThat(answers.size())
                    .as("enough answers to keep the number at its rate for seconds")
                    .isGreaterThanOrEqualTo(GUESTS);

            List<Long> arrivals = answers.stream()
                    .map(CloudApiServer.Send::loggedAtMillis)
                    .sorted()
                    .toList();
            // for the record of runs on loaded machines: the most answers any second at the Cloud API held
            System.out.printf(
                    "Send rate %d/s: %d answers over %d ms, at most %d in any 1 s window%n",
                    RATE,
                    arrivals.size(),
                    arrivals.get(arrivals.size() - 1) - arrivals.get(0),
                    busiestSecond(arrivals));
            for (int i = RATE; i < arrivals.size(); i++) {
                assertThat(arrivals.get(i) - arrivals.get(i - RATE))
                        .as("%d answers reached Meta within one second, from the %d-th on", RATE + 1, i - RATE + 1)
                        .isGreaterThanOrEqualTo(1000L);
            }
            assertThat(busiestSecond(arrivals))
                    .as("the replicas together sent at the number's rate, not below it")
                    .isGreaterThanOrEqualTo(RATE - 2);
            Map<Integer, Double> sentByReplica = contexts.stream()
                    .collect(Collectors.toMap(
                            contexts::indexOf,
                            context -> context.getBean(MeterRegistry.class)
                                    .counter("whatsapp.replies.sent")
                                    .count()));
            assertThat(sentByReplica.values())
                    .as("answers sent by each replica: %s", sentByReplica)
                    .allSatisfy(sent -> assertThat(sent).isPositive());
        }
    }

    private static int busiestSecond(List<Long> arrivals) {
        int most = 0;
        for (int i = 0, j = 0; i < arrivals.size(); i++) {
            while (arrivals.get(i) - arrivals.get(j) >= 1000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    private static String guest(int g) {
        return "4075991" + String.format("%04d", g);
    }

    private static ConfigurableApplicationContext replica(String databaseUrl, CloudApiServer cloudApi) {
        return new SpringApplicationBuilder(AssistantApplication.class)
                .run(
                        "--WEBHOOK_PORT=0",
                        "--MANAGEMENT_PORT=0",
                        "--WHATSAPP_APP_SECRET=" + Fixtures.APP_SECRET,
                        "--WHATSAPP_ACCESS_TOKEN=test-token",
                        "--WHATSAPP_API_BASE_URL=" + cloudApi.baseUrl(),
                        "--DATABASE_URL=" + databaseUrl,
                        "--assistant.reply.send-rate=" + RATE,
                        // smaller batches than production's, so that all three replicas take turns within seconds
                        "--assistant.reply.claim-batch=8");
    }

    private static WebhookClient client(ConfigurableApplicationContext context) {
        return new WebhookClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
