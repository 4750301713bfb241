package org.holidaydesk.assistant.property;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the catalog's iCalendar feeds into {@code property_block}, one feed at a time, as
 * {@code property-calendar.camel.yaml} asks. A feed that cannot be read keeps its previous import:
 * a channel being down for an hour should not make its bookings look free.
 */
@Component("calendarFeeds")
public class CalendarFeedImporter {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarFeedImporter.class);

    private final CatalogLoader catalog;
    private final CalendarFeedReader reader;
    private final BlockRepository blocks;
    private final TransactionTemplate transaction;
    private final IcalendarParser parser;
    private final PropertyProperties properties;
    private final Clock clock;

    CalendarFeedImporter(
            CatalogLoader catalog,
            CalendarFeedReader reader,
            BlockRepository blocks,
            TransactionTemplate transaction,
            PropertyProperties properties) {
        this.catalog = catalog;
        this.reader = reader;
        this.blocks = blocks;
        this.transaction = transaction;
        this.properties = properties;
        this.parser = new IcalendarParser(properties.timeZone());
        this.clock = Clock.system(properties.timeZone());
    }

    /** The feeds the catalog names, in catalog order. */
    public List<CalendarFeed> feeds() {
        return catalog.feeds();
    }

    /** Downloads and parses one feed, then replaces its rows in one transaction; returns the blocks written. */
    public int importFeed(CalendarFeed feed) throws IOException, IcalendarParser.InvalidFeedException {
        LocalDate today = LocalDate.now(clock);
        List<BlockedRange> ranges;
        try (InputStream in = reader.open(feed)) {
            ranges = parser.blockedNights(in, feed.propertyId(), today, today.plusDays(properties.horizonDays()));
        }
        transaction.executeWithoutResult(status -> blocks.replaceFeedBlocks(feed.propertyId(), feed.ref(), ranges));
        LOG.info("Imported {} blocked range(s) from calendar feed {}", ranges.size(), feed.displayName());
        return ranges.size();
    }
}
