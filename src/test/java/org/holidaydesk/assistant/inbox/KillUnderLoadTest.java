package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceProcess;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code kill -9} while the service is answering a burst: every acknowledged message is answered once the
 * service is back on the same database, and the only replies Meta may get twice are those whose send was
 * on the wire when the process died (Meta accepted them, the kill came before they were marked sent).
 */
class KillUnderLoadTest {

    private static final int GUESTS = 300;

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedMessageIsAnsweredAfterAKillMidBurst() throws Exception {
        String url = ServiceProcess.h2FileUrl(dataDirectory);
        try (CloudApiServer cloudApi = new CloudApiServer()) {
            Map<String, String> environment = Map.of(
                    "WHATSAPP_APP_SECRET",
                    Fixtures.APP_SECRET,
                    "WHATSAPP_ACCESS_TOKEN",
                    "test-token",
                    "WHATSAPP_API_BASE_URL",
                    cloudApi.baseUrl(),
                    "DATABASE_URL",
                    url,
                    "ASSISTANT_REPLY_PAIRPACING",
                    "0ms",
                    // what the killed process held is taken over after seconds, not a minute
                    "ASSISTANT_PIPELINE_CLAIMLEASE",
                    "3s",
                    "ASSISTANT_PIPELINE_AGENTTIMEOUT",
                    "5s",
                    "ASSISTANT_REPLY_CLAIMLEASE",
                    "3s");
            int acknowledged;
            int sentBeforeKill;
            try (ServiceProcess service =
                    ServiceProcess.start(environment, Path.of("target", "kill-under-load-1.log"))) {
                acknowledged = postConcurrently(service.client());
                // mid-burst: some answered, the rest recorded, in a turn, queued or on the wire
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> cloudApi.textSends().size() >= 30);
                service.kill();
                sentBeforeKill = cloudApi.textSends().size();
            }
            assertThat(acknowledged).isEqualTo(GUESTS);

            try (ServiceProcess again = ServiceProcess.start(environment, Path.of("target", "kill-under-load-2.log"))) {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> answeredGuests(cloudApi).size() == GUESTS);
                // SIGTERM: the replica finishes what it sends, then lets go of the database file
                again.terminate();
                again.awaitExit(Duration.ofSeconds(60));
            }
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
            assertThat(count(jdbc, "SELECT COUNT(*) FROM guest_message WHERE state = 'ANSWERED'"))
                    .isEqualTo(GUESTS);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM outbox WHERE kind = 'text'"))
                    .as("one answer queued per message, none queued twice")
                    .isEqualTo(GUESTS);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM outbox WHERE kind = 'text' AND state <> 'SENT'"))
                    .isZero();
            int sent = cloudApi.textSends().size();
            int twice = sent - GUESTS;
            System.out.printf(
                    "kill -9 mid-burst: %d acknowledged, %d answered before the kill, %d after, " + "%d sent twice%n",
                    acknowledged, sentBeforeKill, GUESTS - sentBeforeKill + twice, twice);
            // at most the sends in flight at the kill: one claimed batch (assistant.reply.claim-batch)
            assertThat(twice).isBetween(0, 50);
        }
    }

    private static Set<String> answeredGuests(CloudApiServer cloudApi) {
        return cloudApi.textSends().stream().map(CloudApiServer.Send::to).collect(Collectors.toSet());
    }

    private static int postConcurrently(WebhookClient client) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = IntStream.range(0, GUESTS)
                    .mapToObj(i -> pool.submit(() -> {
                        byte[] body = new String(
                                        Fixtures.textCallback(
                                                "wamid.kill-" + i, "Is Casa Pescarului free next weekend?"),
                                        StandardCharsets.UTF_8)
                                .replace("40752601815", "4076" + String.format("%07d", i))
                                .getBytes(StandardCharsets.UTF_8);
                        return client.postCallback(body, Fixtures.sign(body)).statusCode();
                    }))
                    .toList();
            int ok = 0;
            for (Future<Integer> status : statuses) {
                ok += status.get() == 200 ? 1 : 0;
            }
            return ok;
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
