package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A user's own H2 file, named without the settings the service's SQL is written for: the service adds them
 * (Flyway and the pipeline both run on the completed URL) and answers guests; a URL that sets one of them to
 * something else stops startup, naming the setting and the value needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnH2DatabaseTest {

    private static final String PASSWORD = "own-h2-password-5e1d";

    @TempDir
    Path data;

    @Test
    void answersAGuestOnAnH2FileUrlWithoutTheSettingsTheServiceNeeds(CapturedOutput output) {
        String url = "jdbc:h2:file:" + data.resolve("x") + ";WRITE_DELAY=0";
        try (CloudApiServer cloudApi = new CloudApiServer();
                ConfigurableApplicationContext service = start(url, cloudApi)) {
            WebhookClient meta =
                    new WebhookClient(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            byte[] question = Fixtures.textCallback("wamid.own-h2-1", "Is Casa Pescarului free next month for two?");

            assertThat(meta.postCallback(question, Fixtures.sign(question)).statusCode())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> cloudApi.answerSends().stream()
                            .anyMatch(send -> send.to().equals("40752601815")));
            assertThat(meta.get("/health").statusCode()).isEqualTo(200);
            assertThat(service.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("without settings the service's SQL needs")))
                .singleElement()
                .asString()
                .contains("INFO", "added MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .doesNotContain(data.toString());
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("Failed delivery");
    }

    @Test
    void refusesToStartOnAnH2UrlSettingAnotherMode() {
        String url = "jdbc:h2:file:" + data.resolve("y") + ";WRITE_DELAY=0;MODE=MySQL";
        SpringApplicationBuilder service = new SpringApplicationBuilder(AssistantApplication.class)
                .properties("WEBHOOK_PORT=0", "MANAGEMENT_PORT=0", "DATABASE_URL=" + url);

        assertThatThrownBy(service::run)
                .isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContainingAll("MODE=MySQL", "MODE=PostgreSQL");
    }

    @Test
    void saysWhatToDoWithAnH2FileCreatedWithUpperCaseNames(CapturedOutput output) {
        String url = "jdbc:h2:file:" + data.resolve("old") + ";WRITE_DELAY=0";
        // what an earlier version left, having taken this URL as it was
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        SpringApplicationBuilder service = new SpringApplicationBuilder(AssistantApplication.class)
                .properties("WEBHOOK_PORT=0", "MANAGEMENT_PORT=0", "DATABASE_URL=" + url);

        assertThatThrownBy(service::run).hasRootCauseInstanceOf(java.sql.SQLException.class);

        assertThat(output.getOut())
                .contains(
                        "APPLICATION FAILED TO START",
                        "created without DATABASE_TO_LOWER=TRUE",
                        "Point DATABASE_URL at a new H2 file");
    }

    private static ConfigurableApplicationContext start(String url, CloudApiServer cloudApi) {
        return new SpringApplicationBuilder(AssistantApplication.class)
                .run(
                        "--WEBHOOK_PORT=0",
                        "--MANAGEMENT_PORT=0",
                        "--WHATSAPP_APP_SECRET=" + Fixtures.APP_SECRET,
                        "--WHATSAPP_ACCESS_TOKEN=test-token",
                        "--WHATSAPP_API_BASE_URL=" + cloudApi.baseUrl(),
                        "--DATABASE_URL=" + url,
                        "--DATABASE_USERNAME=owner",
                        "--DATABASE_PASSWORD=" + PASSWORD);
    }
}
