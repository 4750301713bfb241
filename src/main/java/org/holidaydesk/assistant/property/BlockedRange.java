package org.holidaydesk.assistant.property;

import java.time.LocalDate;

/**
 * Nights a property cannot be booked: from {@code start} (first blocked night) up to {@code end}, the
 * check-out day, which is free for the next arrival. The same convention as iCalendar's all-day events.
 */
record BlockedRange(String propertyId, LocalDate start, LocalDate end, BlockSource source) {

    BlockedRange {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a blocked range ends after it starts: " + start + " to " + end);
        }
    }
}
