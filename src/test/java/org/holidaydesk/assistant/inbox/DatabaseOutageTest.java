package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.PoisonedBatch;
import org.holidaydesk.assistant.support.TcpProxy;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a real PostgreSQL reached through a relay the test can cut: while the database is unreachable Meta
 * gets 503 and nothing is acknowledged; once it is back, callbacks are accepted and stored again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "MANAGEMENT_PORT=0",
            "assistant.inbox.store-timeout=4s"
        })
class DatabaseOutageTest {

    private static final String DATABASE = EmbeddedPostgresServer.createDatabase("outage");
    private static final TcpProxy PROXY = startProxy();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> EmbeddedPostgresServer.jdbcUrl(DATABASE, PROXY.port()));
    }

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void answers503WhileTheDatabaseIsUnreachableThen200WhenItIsBack() {
        WebhookClient meta = new WebhookClient(port);
        JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(EmbeddedPostgresServer.jdbcUrl(
                DATABASE, EmbeddedPostgresServer.get().getPort())));
        byte[] before = Fixtures.textCallback("wamid.before-outage", "before");
        assertThat(meta.postCallback(before, Fixtures.sign(before)).statusCode())
                .isEqualTo(200);
        long stored = rows(direct);

        PROXY.cut();
        byte[] during = Fixtures.textCallback("wamid.during-outage", "during");
        HttpResponse<String> refused = meta.postCallback(during, Fixtures.sign(during));
        HttpResponse<String> health = meta.get("/health");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"unhealthy\"");
        assertThat(rows(direct)).isEqualTo(stored);

        PROXY.restore();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> meta.postCallback(during, Fixtures.sign(during)).statusCode() == 200);

        assertThat(rows(direct)).isEqualTo(stored + 1);
        // healthy once the pipeline's stages, which failed while it was gone, have polled it again
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> meta.get("/health").statusCode() == 200);
    }

    /** PostgreSQL aborts a transaction at its first error: the refused callback's savepoint keeps its batch. */
    @Test
    void aCallbackPostgresRefusesIsRolledBackAloneAndTheRestOfItsBatchIsCommitted() {
        JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(EmbeddedPostgresServer.jdbcUrl(
                DATABASE, EmbeddedPostgresServer.get().getPort())));
        try (PoisonedBatch batch = new PoisonedBatch(direct, "wamid.postgres-batch")) {
            batch.storeAndCheckTheOthersAreCommitted();
        }
    }

    private static long rows(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
        return count == null ? 0 : count;
    }

    private static TcpProxy startProxy() {
        try {
            return new TcpProxy(EmbeddedPostgresServer.get().getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
