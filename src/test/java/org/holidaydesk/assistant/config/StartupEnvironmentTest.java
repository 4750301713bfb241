package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class StartupEnvironmentTest {

    private final StartupEnvironment startup = new StartupEnvironment();

    @Test
    void productionWithoutSecretsNamesEveryMissingVariableAtOnce() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty("WHATSAPP_VERIFY_TOKEN", "set");

        assertThat(StartupEnvironment.problems(environment))
                .singleElement()
                .asString()
                .contains(
                        "WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, OPERATOR_TOKEN, MCP_AUTH_TOKEN")
                .doesNotContain("WHATSAPP_VERIFY_TOKEN");
    }

    @Test
    void productionWithEverySecretStartsAndGeneratesNothing() {
        MockEnvironment environment = new MockEnvironment().withProperty("APP_ENV", "production");
        StartupEnvironment.PRODUCTION_REQUIRED.forEach(name -> environment.setProperty(name, "value-of-" + name));

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(StartupEnvironment.problems(environment)).isEmpty();
        assertThat(environment.getProperty("WHATSAPP_APP_SECRET")).isEqualTo("value-of-WHATSAPP_APP_SECRET");
        assertThat(environment.getPropertySources().contains("generatedDevelopmentSecrets"))
                .isFalse();
    }

    @Test
    void productionLogsOneJsonObjectPerLineUnlessToldOtherwise() {
        MockEnvironment production = new MockEnvironment().withProperty("APP_ENV", "production");
        MockEnvironment logstash = new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty(StartupEnvironment.CONSOLE_FORMAT, "logstash");

        startup.postProcessEnvironment(production, new SpringApplication());
        startup.postProcessEnvironment(logstash, new SpringApplication());

        assertThat(production.getProperty(StartupEnvironment.CONSOLE_FORMAT)).isEqualTo("ecs");
        assertThat(logstash.getProperty(StartupEnvironment.CONSOLE_FORMAT)).isEqualTo("logstash");
    }

    @Test
    void developmentLogsReadableText() {
        MockEnvironment environment = new MockEnvironment();

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(StartupEnvironment.CONSOLE_FORMAT)).isNull();
    }

    @Test
    void theStandaloneMcpServerNeedsNoWhatsAppSecretsInProduction() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty("MCP_AUTH_TOKEN", "a-token")
                .withProperty(StartupEnvironment.WEBHOOK_ENABLED, "false");

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(StartupEnvironment.problems(environment)).isEmpty();
        assertThat(environment.getProperty("WHATSAPP_APP_SECRET")).isNull();
    }

    @Test
    void theStandaloneMcpServerNeedsItsTokenInProduction() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty(StartupEnvironment.WEBHOOK_ENABLED, "false");

        assertThat(StartupEnvironment.problems(environment))
                .containsExactly("APP_ENV=production needs these variables, which are not set: MCP_AUTH_TOKEN");
    }

    @Test
    void developmentNeedsNoMcpToken() {
        assertThat(StartupEnvironment.problems(new MockEnvironment())).isEmpty();
        assertThat(StartupEnvironment.problems(
                        new MockEnvironment().withProperty(StartupEnvironment.WEBHOOK_ENABLED, "false")))
                .isEmpty();
    }

    @Test
    void developmentWithoutAnAppSecretGeneratesOne() {
        MockEnvironment environment = new MockEnvironment();

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("WHATSAPP_APP_SECRET")).hasSize(48).matches("[0-9a-f]+");
        assertThat(environment.getProperty("assistant.whatsapp.app-secret-generated"))
                .isEqualTo("true");
    }

    @Test
    void refusesAnUnknownAppEnv() {
        MockEnvironment environment = new MockEnvironment().withProperty("APP_ENV", "staging");

        assertThat(StartupEnvironment.problems(environment))
                .containsExactly("APP_ENV must be 'development' or 'production', not 'staging'");
    }

    @Test
    void refusesAnH2FileThatDelaysItsCommits() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("DATABASE_URL", "jdbc:h2:file:./data/assistant");

        assertThat(StartupEnvironment.problems(environment))
                .singleElement()
                .asString()
                .contains("WRITE_DELAY=0");
    }

    @Test
    void refusesADatabaseUrlThatIsNotJdbc() {
        MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", "postgres://db:5432/app");

        assertThat(StartupEnvironment.problems(environment))
                .singleElement()
                .asString()
                .contains("DATABASE_URL must be a JDBC URL");
    }

    @Test
    void failureAnalysisListsEachProblemAndTheWayOut() {
        ConfigurationProblemException problem = new ConfigurationProblemException(
                java.util.List.of("APP_ENV=production needs these variables, which are not set: OPERATOR_TOKEN"));

        FailureAnalysis analysis = new ConfigurationProblemFailureAnalyzer().analyze(problem);

        assertThat(analysis.getDescription()).contains("OPERATOR_TOKEN");
        assertThat(analysis.getAction()).contains(".env.example");
    }
}
