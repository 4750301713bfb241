package org.holidaydesk.assistant.property;

import java.util.Locale;

/** Who owns a blocked range, and so who may replace it. */
enum BlockSource {
    /** Entered by the business in the database; the service never changes these. */
    MANUAL,
    /** Bookings written in the catalog file; replaced at each catalog load. */
    CATALOG,
    /** Imported from an iCalendar feed; replaced at each import of that feed. */
    ICAL;

    /** Rows written by other tools may name their own source: anything unknown is the business's own entry. */
    static BlockSource fromColumn(String column) {
        for (BlockSource source : values()) {
            if (source.column().equals(column)) {
                return source;
            }
        }
        return MANUAL;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
