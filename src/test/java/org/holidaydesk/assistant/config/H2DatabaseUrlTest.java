package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** An H2 URL of the user's own gets what the service's SQL needs, or startup says which setting stands in the way. */
class H2DatabaseUrlTest {

    private static final String NEEDED = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void appendsEveryMissingSettingAndKeepsTheUsersOwnAsWritten() {
        H2DatabaseUrl url = H2DatabaseUrl.parse("jdbc:h2:file:/srv/x;WRITE_DELAY=0;INIT=SET A=1\\;SET B=2");

        assertThat(url.missing())
                .containsExactly("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH");
        assertThat(url.completed()).isEqualTo("jdbc:h2:file:/srv/x;WRITE_DELAY=0;INIT=SET A=1\\;SET B=2;" + NEEDED);
        assertThat(url.conflicts()).isEmpty();
    }

    @Test
    void aUrlWithoutSettingsGetsThemAll() {
        assertThat(H2DatabaseUrl.parse("jdbc:h2:mem:x").completed()).isEqualTo("jdbc:h2:mem:x;" + NEEDED);
        assertThat(H2DatabaseUrl.parse("jdbc:h2:mem:x;").completed()).isEqualTo("jdbc:h2:mem:x;" + NEEDED);
    }

    @Test
    void readsKeysAndValuesInAnyCaseAndAddsOnlyWhatIsMissing() {
        H2DatabaseUrl url = H2DatabaseUrl.parse("jdbc:h2:mem:x;mode=postgresql;database_to_lower=true");

        assertThat(url.conflicts()).isEmpty();
        assertThat(url.completed())
                .isEqualTo("jdbc:h2:mem:x;mode=postgresql;database_to_lower=true;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void leavesACompleteUrlAsItIs() {
        String complete = "jdbc:h2:file:./data/assistant;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;" + NEEDED;

        assertThat(H2DatabaseUrl.parse(complete).completed()).isSameAs(complete);
    }

    @Test
    void namesEachConflictingSettingAndTheValueTheServiceNeeds() {
        H2DatabaseUrl url = H2DatabaseUrl.parse(
                "jdbc:h2:mem:x;MODE=MySQL;DATABASE_TO_LOWER=FALSE;DATABASE_TO_UPPER=TRUE;DEFAULT_NULL_ORDERING=LOW");

        assertThat(url.conflicts()).hasSize(4);
        assertThat(url.conflicts().get(0)).contains("MODE=MySQL", "MODE=PostgreSQL");
        assertThat(url.conflicts().get(1)).contains("DATABASE_TO_LOWER=FALSE", "DATABASE_TO_LOWER=TRUE");
        assertThat(url.conflicts().get(2)).contains("DATABASE_TO_UPPER", "remove");
        assertThat(url.conflicts().get(3)).contains("DEFAULT_NULL_ORDERING=LOW", "DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void tellsFilesFromMemoryAndServers() {
        assertThat(H2DatabaseUrl.parse("jdbc:h2:file:/x").embeddedFile()).isTrue();
        assertThat(H2DatabaseUrl.parse("jdbc:h2:./data/x").embeddedFile()).isTrue();
        assertThat(H2DatabaseUrl.parse("jdbc:h2:~/x").embeddedFile()).isTrue();
        assertThat(H2DatabaseUrl.parse("jdbc:h2:mem:x").embeddedFile()).isFalse();
        assertThat(H2DatabaseUrl.parse("jdbc:h2:tcp://db/x").embeddedFile()).isFalse();
    }

    @Test
    void theEnvironmentReadsTheCompletedUrlAndStartupRefusesAConflict() {
        MockEnvironment own =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:/srv/x;WRITE_DELAY=0");
        MockEnvironment mysql = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:/srv/x;WRITE_DELAY=0;MODE=MySQL");
        MockEnvironment postgres =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/app");

        for (MockEnvironment environment : new MockEnvironment[] {own, mysql, postgres}) {
            new StartupEnvironment().postProcessEnvironment(environment, new SpringApplication());
        }

        assertThat(own.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:/srv/x;WRITE_DELAY=0;" + NEEDED);
        assertThat(StartupEnvironment.problems(own)).isEmpty();
        assertThat(mysql.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:/srv/x;WRITE_DELAY=0;MODE=MySQL");
        assertThat(StartupEnvironment.problems(mysql))
                .singleElement()
                .asString()
                .contains("MODE=MySQL", "MODE=PostgreSQL");
        assertThat(postgres.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(StartupEnvironment.problems(postgres)).isEmpty();
    }

    @Test
    void anH2FileInAnyFormNeedsItsCommitsWrittenAtOnce() {
        for (String url :
                new String[] {"jdbc:h2:./data/x", "jdbc:h2:file:/x;WRITE_DELAY=500", "jdbc:h2:~/x;WRITE_DELAY=05"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", url);

            assertThat(StartupEnvironment.problems(environment))
                    .as(url)
                    .singleElement()
                    .asString()
                    .contains("WRITE_DELAY=0");
        }
    }
}
