package org.holidaydesk.assistant.property;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.holidaydesk.assistant.config.ConfigurationProblemException;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the catalog file ({@code PROPERTY_CATALOG}) into the database once at startup, before the web
 * server takes requests, and builds the first availability index. Properties are upserted; those no
 * longer in the file become inactive; the file's bookings replace the previous load's; the house guides are
 * held in memory as the file has them (every replica loads the same file). A catalog that
 * cannot be read stops the start with a message that names every problem.
 */
@Component
@DependsOnDatabaseInitialization
class CatalogLoader implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

    private final PropertyProperties properties;
    private final ResourceLoader resources;
    private final Validator validator;
    private final PropertyRepository propertyRows;
    private final BlockRepository blockRows;
    private final TransactionTemplate transaction;
    private final AvailabilityIndex index;
    private final Clock clock;
    private volatile List<CalendarFeed> feeds = List.of();
    private final HouseGuides guides;

    CatalogLoader(
            PropertyProperties properties,
            ResourceLoader resources,
            Validator validator,
            PropertyRepository propertyRows,
            BlockRepository blockRows,
            TransactionTemplate transaction,
            AvailabilityIndex index,
            HouseGuides guides) {
        this.guides = guides;
        this.properties = properties;
        this.resources = resources;
        this.validator = validator;
        this.propertyRows = propertyRows;
        this.blockRows = blockRows;
        this.transaction = transaction;
        this.index = index;
        this.clock = Clock.system(properties.timeZone());
    }

    /** {@code classpath:} and {@code file:} locations as they are; a plain path is a file, not a classpath entry. */
    static String asResourceLocation(String location) {
        return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") ? location : "file:" + location;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** Reads, checks and stores the catalog, then rebuilds the index. */
    void load() {
        CatalogFile catalog = read();
        LocalDate today = LocalDate.now(clock);
        List<Property> list =
                catalog.properties().stream().map(CatalogFile.Entry::toProperty).toList();
        List<BlockRepository.Booking> bookings = catalog.bookings(today);
        List<CalendarFeed> catalogFeeds = catalog.feeds();
        transaction.executeWithoutResult(status -> {
            list.forEach(property -> propertyRows.upsert(property, clock.instant()));
            propertyRows.deactivateAllExcept(list.stream().map(Property::id).toList());
            blockRows.replaceCatalogBlocks(bookings);
            blockRows.deleteFeedBlocksExcept(
                    catalogFeeds.stream().map(CalendarFeed::ref).toList());
        });
        feeds = catalogFeeds;
        guides.replaceWith(catalog.guides());
        index.rebuild();
        LOG.info(
                "Loaded {} properties, {} catalog booking(s) and {} calendar feed(s) from {}",
                list.size(),
                bookings.size(),
                catalogFeeds.size(),
                properties.catalog());
    }

    List<CalendarFeed> feeds() {
        return feeds;
    }

    private CatalogFile read() {
        String location = properties.catalog();
        Resource resource = resources.getResource(asResourceLocation(location));
        if (!resource.exists()) {
            throw new ConfigurationProblemException(
                    List.of("PROPERTY_CATALOG points at " + location + ", which does not exist"));
        }
        CatalogFile catalog;
        try (InputStream in = resource.getInputStream()) {
            catalog = CatalogFile.read(in, location);
        } catch (CatalogFile.Malformed e) {
            throw new ConfigurationProblemException(List.of("PROPERTY_CATALOG " + location + ", " + e.getMessage()));
        } catch (IOException e) {
            throw new ConfigurationProblemException(
                    List.of("PROPERTY_CATALOG " + location + " cannot be read: " + e.getMessage()));
        }
        List<String> problems = catalog.problems(validator);
        if (!problems.isEmpty()) {
            throw new ConfigurationProblemException(problems.stream()
                    .map(problem -> "PROPERTY_CATALOG " + location + ": " + problem)
                    .toList());
        }
        return catalog;
    }
}
