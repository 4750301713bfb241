package org.holidaydesk.assistant.property;

import java.time.LocalDate;
import java.util.List;

/**
 * One property's next days at a glance, for "is it free next month?".
 *
 * @param from               first night shown
 * @param to                 the day after the last night shown
 * @param freeNights         nights in the window nobody has booked
 * @param longestFreeStretch the longest run of free nights, or null when every night is booked
 * @param freeRanges         the free runs in date order (a run may be shorter than the minimum stay)
 * @param bookedRanges       the booked runs in date order
 */
public record CalendarOverview(
        String propertyId,
        String name,
        LocalDate from,
        LocalDate to,
        int freeNights,
        int bookedNights,
        DateRange longestFreeStretch,
        List<DateRange> freeRanges,
        List<DateRange> bookedRanges,
        int minimumStay) {}
