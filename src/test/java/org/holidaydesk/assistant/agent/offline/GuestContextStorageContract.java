package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.config.AgentProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a guest told the assistant, kept in the database by guest id and read back on the next turn, on
 * each database the service supports. Each subclass gives a fresh, empty database.
 */
abstract class GuestContextStorageContract {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(48);

    private JdbcTemplate jdbc;
    private final AgentProperties properties = new AgentProperties("", Duration.ofSeconds(5), TTL);

    /** A database nobody has migrated yet. */
    abstract DataSource freshDatabase() throws Exception;

    @BeforeEach
    void migrate() throws Exception {
        DataSource dataSource = freshDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private JdbcGuestContexts at(Instant instant) {
        return new JdbcGuestContexts(jdbc, properties, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void readsBackEverythingAGuestTold() {
        GuestContext told =
                new GuestContext(LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 20), null, 5, 2, "Casa Pescarului");

        at(NOW).save("guest-1", told);

        assertThat(at(NOW.plusSeconds(60)).load("guest-1")).isEqualTo(told);
    }

    @Test
    void readsBackWhatTheGuestWantsOfAPlace() {
        GuestContext told = new GuestContext(
                LocalDate.of(2027, 6, 15),
                LocalDate.of(2027, 6, 20),
                null,
                5,
                2,
                null,
                java.util.List.of("romantic", Feature.PETS, "hot tub"));

        at(NOW).save("guest-1", told);
        assertThat(at(NOW.plusSeconds(60)).load("guest-1")).isEqualTo(told);

        at(NOW.plusSeconds(70)).save("guest-1", new GuestContext(null, null, null, null, 2, null));
        assertThat(at(NOW.plusSeconds(80)).load("guest-1").features()).isEmpty();
    }

    @Test
    void aNewerContextReplacesTheOlder() {
        at(NOW).save(
                        "guest-1",
                        new GuestContext(LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 20), null, null, null, null));
        GuestContext month = new GuestContext(null, null, YearMonth.of(2026, 12), null, 4, "Vila Franceza");

        at(NOW.plusSeconds(10)).save("guest-1", month);

        assertThat(at(NOW.plusSeconds(20)).load("guest-1")).isEqualTo(month);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guest_context", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void oneGuestNeverReadsAnothersContext() {
        at(NOW).save("guest-1", new GuestContext(null, null, null, null, 2, null));

        assertThat(at(NOW).load("guest-2")).isEqualTo(GuestContext.EMPTY);
    }

    @Test
    void anOldContextIsForgotten() {
        GuestContext told = new GuestContext(null, null, null, 3, 2, null);
        at(NOW).save("guest-1", told);

        assertThat(at(NOW.plus(TTL).minusSeconds(1)).load("guest-1")).isEqualTo(told);
        assertThat(at(NOW.plus(TTL).plusSeconds(1)).load("guest-1")).isEqualTo(GuestContext.EMPTY);
    }
}
