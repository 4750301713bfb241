package org.holidaydesk.assistant.property;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The in-memory view every availability question is answered from, so that a search never waits for
 * the database. Rebuilt from the database after the catalog loads and after each calendar refresh
 * ({@code property-calendar.camel.yaml}); readers keep the view they started with while a new one is
 * swapped in whole.
 */
@Component("availabilityIndex")
@DependsOnDatabaseInitialization
public class AvailabilityIndex {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityIndex.class);

    private final PropertyRepository propertyRows;
    private final BlockRepository blockRows;
    private final AvailabilitySearch.Limits limits;
    private final Clock clock;
    private volatile AvailabilitySearch current;

    AvailabilityIndex(PropertyRepository propertyRows, BlockRepository blockRows, PropertyProperties properties) {
        this.propertyRows = propertyRows;
        this.blockRows = blockRows;
        this.limits = new AvailabilitySearch.Limits(
                properties.maxNights(), properties.horizonDays(), properties.maxResults());
        this.clock = Clock.system(properties.timeZone());
        this.current = AvailabilitySearch.of(List.of(), List.of(), limits);
    }

    /** Reads the active properties and their blocks from today on, and swaps the new view in. */
    public void rebuild() {
        List<Property> properties = propertyRows.findActive();
        List<BlockedRange> blocks = blockRows.findEndingAfter(today());
        current = AvailabilitySearch.of(properties, blocks, limits);
        LOG.debug("Availability index rebuilt: {} properties, {} blocked range(s)", properties.size(), blocks.size());
    }

    /** The view to answer one question from; keep it for the whole question. */
    AvailabilitySearch current() {
        return current;
    }

    /** The active properties as the current view has them. */
    public List<Property> properties() {
        return current.properties();
    }

    /** Today where the properties are: the first night a guest can book. */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
