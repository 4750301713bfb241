package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.env.MockPropertySource;

class StartupEnvironmentTest {

    private final StartupEnvironment startup = new StartupEnvironment();

    @Test
    void productionWithoutSecretsNamesEveryMissingVariableAtOnce() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty("WHATSAPP_VERIFY_TOKEN", "set")
                .withProperty(StartupEnvironment.DOTENV_PATH, "");

        assertThatThrownBy(() -> startup.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, OPERATOR_TOKEN")
                .message().doesNotContain("WHATSAPP_VERIFY_TOKEN");
    }

    @Test
    void productionWithEverySecretStartsAndGeneratesNothing() {
        MockEnvironment environment = new MockEnvironment().withProperty(StartupEnvironment.DOTENV_PATH, "");
        environment.setProperty("APP_ENV", "production");
        StartupEnvironment.PRODUCTION_REQUIRED.forEach(name -> environment.setProperty(name, "value-of-" + name));

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("WHATSAPP_APP_SECRET")).isEqualTo("value-of-WHATSAPP_APP_SECRET");
        assertThat(environment.getPropertySources().contains("generatedDevelopmentSecrets")).isFalse();
    }

    @Test
    void theStandaloneMcpServerNeedsNoWhatsAppSecretsInProduction() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty(StartupEnvironment.WEBHOOK_ENABLED, "false")
                .withProperty(StartupEnvironment.DOTENV_PATH, "");

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("WHATSAPP_APP_SECRET")).isNull();
    }

    @Test
    void developmentWithoutAnAppSecretGeneratesOne() {
        MockEnvironment environment = new MockEnvironment().withProperty(StartupEnvironment.DOTENV_PATH, "");

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("WHATSAPP_APP_SECRET")).hasSize(48).matches("[0-9a-f]+");
        assertThat(environment.getProperty("assistant.whatsapp.app-secret-generated")).isEqualTo("true");
    }

    @Test
    void refusesAnUnknownAppEnv() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("APP_ENV", "staging")
                .withProperty(StartupEnvironment.DOTENV_PATH, "");

        assertThatThrownBy(() -> startup.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("APP_ENV must be 'development' or 'production', not 'staging'");
    }

    @Test
    void refusesAnH2FileThatDelaysItsCommits() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "jdbc:h2:file:./data/assistant")
                .withProperty(StartupEnvironment.DOTENV_PATH, "");

        assertThatThrownBy(() -> startup.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("WRITE_DELAY=0");
    }

    @Test
    void refusesADatabaseUrlThatIsNotJdbc() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://db:5432/app")
                .withProperty(StartupEnvironment.DOTENV_PATH, "");

        assertThatThrownBy(() -> startup.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("DATABASE_URL must be a JDBC URL");
    }

    @Test
    void readsDotEnvButRealEnvironmentVariablesWin(@TempDir Path directory) throws Exception {
        Path dotEnv = directory.resolve(".env");
        Files.writeString(dotEnv, """
                # local settings
                export BUSINESS_CONTACT="+40 711 111 111"
                WHATSAPP_VERIFY_TOKEN='from-dotenv'   
                OPENAI_MODEL=gpt-4.1-mini # trailing comment
                """);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MockPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                        .withProperty("WHATSAPP_VERIFY_TOKEN", "from-the-real-environment"));
        environment.getPropertySources().addLast(new MockPropertySource("application")
                .withProperty(StartupEnvironment.DOTENV_PATH, dotEnv.toString()));

        startup.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("BUSINESS_CONTACT")).isEqualTo("+40 711 111 111");
        assertThat(environment.getProperty("WHATSAPP_VERIFY_TOKEN")).isEqualTo("from-the-real-environment");
        assertThat(environment.getProperty("OPENAI_MODEL")).isEqualTo("gpt-4.1-mini");
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
