package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.InboxRows;
import org.holidaydesk.assistant.support.ServiceProcess;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A 200 means "we have it": acknowledged callbacks are in the file database after a restart or a kill -9. */
class InboxDurabilityTest {

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedCallbackSurvivesKillDashNine() throws Exception {
        String url = ServiceProcess.h2FileUrl(dataDirectory);
        int acknowledged;
        try (ServiceProcess service = ServiceProcess.start(
                Map.of("WHATSAPP_APP_SECRET", Fixtures.APP_SECRET, "DATABASE_URL", url),
                Path.of("target", "kill-nine-service.log"))) {
            acknowledged = postConcurrently(service.client(), 400, 8);
            service.kill();
        }

        JdbcTemplate afterCrash = new JdbcTemplate(new DriverManagerDataSource(url));
        assertThat(acknowledged).isEqualTo(400);
        assertThat(new InboxRows(afterCrash).count()).isEqualTo(acknowledged);
    }

    @Test
    void inboxRowsSurviveARestartOfTheService() {
        String url = ServiceProcess.h2FileUrl(dataDirectory);
        try (ConfigurableApplicationContext first = start(url)) {
            WebhookClient client =
                    new WebhookClient(first.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            assertThat(postConcurrently(client, 25, 4)).isEqualTo(25);
        }

        try (ConfigurableApplicationContext second = start(url)) {
            InboxRows rows = new InboxRows(second.getBean(JdbcTemplate.class));
            assertThat(rows.count()).isEqualTo(25);
            assertThat(new String(rows.newest().payload())).contains("\"object\":\"whatsapp_business_account\"");
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(AssistantApplication.class)
                .run(
                        "--WEBHOOK_PORT=0",
                        "--MANAGEMENT_PORT=0",
                        "--WHATSAPP_APP_SECRET=" + Fixtures.APP_SECRET,
                        "--DATABASE_URL=" + databaseUrl);
    }

    /** Posts {@code count} distinct signed callbacks from {@code threads} threads; returns how many got 200. */
    private static int postConcurrently(WebhookClient client, int count, int threads) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> statuses = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> {
                        byte[] body = Fixtures.textCallback("wamid.durable-" + i, "message " + i);
                        return client.postCallback(body, Fixtures.sign(body)).statusCode();
                    }))
                    .toList();
            int ok = 0;
            for (Future<Integer> status : statuses) {
                if (status.get() == 200) {
                    ok++;
                }
            }
            return ok;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
