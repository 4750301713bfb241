package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;
import org.holidaydesk.assistant.webhook.InboundMessage;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** User ids linked to the phone-number guest, on each database the service supports. */
class GuestAliasesTest {

    private static final String PHONE = "40700000941";
    private static final String USER_ID = "RO.9410000000000941";

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (DatabaseFactory)
                        () -> new DriverManagerDataSource(H2TestUrls.inMemory("aliases-" + UUID.randomUUID()))),
                Arguments.of("PostgreSQL", (DatabaseFactory) () -> EmbeddedPostgresServer.get()
                        .getDatabase(
                                "postgres",
                                EmbeddedPostgresServer.createDatabase("aliases_"
                                        + UUID.randomUUID().toString().replace("-", "")))));
    }

    interface DatabaseFactory {
        DataSource fresh();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aUserIdSeenWithAPhoneNumberBelongsToThatGuestFromThenOn(String name, DatabaseFactory database) {
        GuestAliases aliases = new GuestAliases(migrated(database.fresh()));

        assertThat(aliases.guestOf(message(USER_ID, USER_ID)))
                .as("not seen with a phone yet")
                .isEqualTo(USER_ID);
        assertThat(aliases.guestOf(message(PHONE, USER_ID))).isEqualTo(PHONE);
        assertThat(aliases.guestOf(message(USER_ID, USER_ID))).isEqualTo(PHONE);
        assertThat(aliases.guestOf(message(PHONE, null))).isEqualTo(PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstLinkStays(String name, DatabaseFactory database) {
        JdbcTemplate jdbc = migrated(database.fresh());
        GuestAliases aliases = new GuestAliases(jdbc);

        aliases.guestOf(message(PHONE, USER_ID));
        aliases.guestOf(message("40700000942", USER_ID));

        assertThat(aliases.guestOf(message(USER_ID, USER_ID))).isEqualTo(PHONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guest_alias", Integer.class))
                .isEqualTo(1);
    }

    private static JdbcTemplate migrated(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }

    private static InboundMessage message(String address, String userId) {
        return new InboundMessage(
                "wamid." + UUID.randomUUID(),
                address,
                address,
                "106540352242922",
                null,
                MessageKind.TEXT,
                "hello",
                Instant.now(),
                userId);
    }
}
