package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.holidaydesk.assistant.property.Properties.property;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog tables and the service's SQL, run unchanged against each database the service supports.
 * Each subclass gives a fresh, empty database.
 */
abstract class PropertyStorageContract {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private JdbcClient jdbc;
    private PropertyRepository properties;
    private BlockRepository blocks;
    private List<MigrationInfo> applied;

    /** A database nobody has migrated yet. */
    abstract DataSource freshDatabase() throws Exception;

    @BeforeEach
    void migrate() throws Exception {
        DataSource dataSource = freshDatabase();
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        applied = List.of(flyway.info().applied());
        jdbc = JdbcClient.create(dataSource);
        properties = new PropertyRepository(jdbc);
        blocks = new BlockRepository(jdbc);
    }

    @Test
    void appliesThePropertyCatalogMigration() {
        assertThat(applied).extracting(info -> info.getVersion().getVersion()).contains("1", "2");
    }

    @Test
    void upsertsAPropertyWithItsTermsInOrder() {
        Property first = property("casa-pescarului", "Casa Pescarului", 6, 450, 2, "Pescarului", "Fisherman's House");
        properties.upsert(first, Instant.now());
        Property changed = new Property(
                first.id(),
                first.name(),
                List.of("Fisherman's House"),
                "Sfântu Gheorghe",
                3,
                8,
                List.of("wifi", "boat"),
                List.of("family"),
                new BigDecimal("499.50"),
                "RON",
                3,
                "https://images.example/p.jpg",
                new Property.Description("House.", "Casă."),
                "100101");
        properties.upsert(changed, Instant.now());

        assertThat(properties.findActive()).containsExactly(changed);
    }

    @Test
    void propertiesLeavingTheCatalogBecomeInactive() {
        properties.upsert(property("a", "Alpha", 2, 100, 1), Instant.now());
        properties.upsert(property("b", "Beta", 2, 100, 1), Instant.now());

        properties.deactivateAllExcept(List.of("b"));

        assertThat(properties.findActive()).extracting(Property::id).containsExactly("b");
    }

    @Test
    void replacesCatalogAndFeedBlocksButKeepsManualOnes() {
        properties.upsert(property("a", "Alpha", 2, 100, 1), Instant.now());
        blocks.insertManual(range("a", 1, 3, BlockSource.MANUAL), "owner");
        blocks.replaceCatalogBlocks(List.of(new BlockRepository.Booking(range("a", 5, 7, BlockSource.CATALOG), "x")));
        blocks.replaceFeedBlocks("a", "feed-1", List.of(range("a", 10, 12, BlockSource.ICAL)));
        blocks.replaceFeedBlocks("a", "feed-2", List.of(range("a", 20, 22, BlockSource.ICAL)));

        blocks.replaceCatalogBlocks(List.of(new BlockRepository.Booking(range("a", 6, 8, BlockSource.CATALOG), null)));
        blocks.replaceFeedBlocks("a", "feed-1", List.of(range("a", 11, 14, BlockSource.ICAL)));
        blocks.deleteFeedBlocksExcept(List.of("feed-1"));

        assertThat(blocks.findEndingAfter(DAY))
                .containsExactlyInAnyOrder(
                        range("a", 1, 3, BlockSource.MANUAL),
                        range("a", 6, 8, BlockSource.CATALOG),
                        range("a", 11, 14, BlockSource.ICAL));
    }

    @Test
    void readsOnlyBlocksThatAreNotOverAndBelongToActiveProperties() {
        properties.upsert(property("a", "Alpha", 2, 100, 1), Instant.now());
        properties.upsert(property("b", "Beta", 2, 100, 1), Instant.now());
        blocks.insertManual(range("a", -5, 0, BlockSource.MANUAL), null);
        blocks.insertManual(range("a", -1, 1, BlockSource.MANUAL), null);
        blocks.insertManual(range("b", 2, 4, BlockSource.MANUAL), null);
        properties.deactivateAllExcept(List.of("a"));

        assertThat(blocks.findEndingAfter(DAY)).containsExactly(range("a", -1, 1, BlockSource.MANUAL));
    }

    @Test
    void refusesABlockThatEndsBeforeItStarts() {
        properties.upsert(property("a", "Alpha", 2, 100, 1), Instant.now());

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO property_block (property_id, start_date, end_date, source) "
                                + "VALUES ('a', DATE '2026-06-05', DATE '2026-06-05', 'manual')")
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static BlockedRange range(String id, int fromDay, int toDay, BlockSource source) {
        return new BlockedRange(id, DAY.plusDays(fromDay), DAY.plusDays(toDay), source);
    }
}
