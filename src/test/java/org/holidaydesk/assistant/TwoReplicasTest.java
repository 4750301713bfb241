package org.holidaydesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Two replicas on one real PostgreSQL take the same burst of callbacks, each guest's messages spread over
 * both: every message is answered exactly once, and each guest's replies go out in order.
 */
class TwoReplicasTest {

    private static final int GUESTS = 12;
    private static final int MESSAGES_PER_GUEST = 3;

    @Test
    void answersEveryMessageExactlyOnceAndInOrderPerGuest() throws Exception {
        String database = EmbeddedPostgresServer.createDatabase("replicas");
        String url = EmbeddedPostgresServer.jdbcUrl(
                database, EmbeddedPostgresServer.get().getPort());
        try (CloudApiServer cloudApi = new CloudApiServer();
                ConfigurableApplicationContext first = replica(url, cloudApi);
                ConfigurableApplicationContext second = replica(url, cloudApi)) {
            List<WebhookClient> replicas = List.of(client(first), client(second));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));

            List<String> wamids = new ArrayList<>();
            for (int m = 1; m <= MESSAGES_PER_GUEST; m++) {
                for (int g = 0; g < GUESTS; g++) {
                    String wamid = "wamid.replicas-" + g + "-" + m;
                    byte[] body =
                            Fixtures.textCallback(wamid, "Hello, message " + m).clone();
                    byte[] forGuest = new String(body, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("40752601815", guest(g))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    WebhookClient replica = replicas.get((g + m) % 2);
                    assertThat(replica.postCallback(forGuest, Fixtures.sign(forGuest))
                                    .statusCode())
                            .isEqualTo(200);
                    wamids.add(wamid);
                }
            }

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(
                                            jdbc,
                                            "SELECT COUNT(*) FROM guest_message WHERE wamid LIKE 'wamid.replicas-%' AND state = 'ANSWERED'")
                                    == wamids.size()
                            && count(jdbc, "SELECT COUNT(*) FROM outbox WHERE state <> 'SENT'") == 0);

            assertThat(count(jdbc, "SELECT COUNT(*) FROM guest_message WHERE wamid LIKE 'wamid.replicas-%'"))
                    .isEqualTo(wamids.size());
            assertThat(jdbc.queryForList("SELECT in_reply_to FROM outbox WHERE kind = 'read'", String.class))
                    .as("each message is taken into exactly one turn")
                    .hasSize(wamids.size())
                    .doesNotHaveDuplicates();
            List<CloudApiServer.Send> texts = cloudApi.textSends();
            long queuedTexts = count(jdbc, "SELECT COUNT(*) FROM outbox WHERE kind = 'text'");
            assertThat((long) texts.size())
                    .as("each queued reply sent exactly once")
                    .isEqualTo(queuedTexts);

            Map<String, List<String>> sentPerGuest = texts.stream()
                    .collect(Collectors.groupingBy(
                            CloudApiServer.Send::to,
                            Collectors.mapping(CloudApiServer.Send::text, Collectors.toList())));
            for (int g = 0; g < GUESTS; g++) {
                List<String> queued = jdbc.queryForList(
                        "SELECT body FROM outbox WHERE kind = 'text' AND recipient = ? ORDER BY id",
                        String.class,
                        guest(g));
                assertThat(sentPerGuest.get(guest(g)))
                        .as("replies to guest %d, in order", g)
                        .isEqualTo(queued);
                List<String> answered = jdbc
                        .queryForList(
                                "SELECT in_reply_to FROM outbox WHERE kind = 'text' AND recipient = ?" + " ORDER BY id",
                                String.class,
                                guest(g))
                        .stream()
                        .distinct()
                        .toList();
                assertThat(answered)
                        .as("turns of guest %d follow the order of their messages", g)
                        .isSortedAccordingTo(java.util.Comparator.comparing(
                                w -> Integer.parseInt(w.substring(w.lastIndexOf('-') + 1))));
            }
        }
    }

    private static String guest(int g) {
        return "4075990" + String.format("%04d", g);
    }

    private static ConfigurableApplicationContext replica(String databaseUrl, CloudApiServer cloudApi) {
        return new SpringApplicationBuilder(AssistantApplication.class)
                .run(
                        "--WEBHOOK_PORT=0",
                        "--MANAGEMENT_PORT=0",
                        "--WHATSAPP_APP_SECRET=" + Fixtures.APP_SECRET,
                        "--WHATSAPP_ACCESS_TOKEN=test-token",
                        "--WHATSAPP_API_BASE_URL=" + cloudApi.baseUrl(),
                        "--DATABASE_URL=" + databaseUrl);
    }

    private static WebhookClient client(ConfigurableApplicationContext context) {
        return new WebhookClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
