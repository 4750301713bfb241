package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/** One property's bookable stretches within a window, as the calendar tool shows them, and its minimum stay. */
record MonthCalendar(String name, int minimumStay, List<PropertyTools.Range> bookable) {

    /**
     * One property's free stretches within a month, from today when the month has begun, long enough for
     * its minimum stay and for the nights the guest asked for.
     */
    static MonthCalendar of(PropertyTools tools, String property, YearMonth month, Integer nights, LocalDate today) {
        LocalDate from = month.atDay(1).isBefore(today) ? today : month.atDay(1);
        return between(tools, property, from, month.atEndOfMonth().plusDays(1), nights);
    }

    /**
     * One property's free stretches within {@code [from, end)}, long enough for its minimum stay and for the nights
     * the guest asked for. The calendar tool shows 30 nights at a time, so a longer window takes more looks.
     */
    static MonthCalendar between(PropertyTools tools, String property, LocalDate from, LocalDate end, Integer nights) {
        List<PropertyTools.Range> free = new ArrayList<>();
        PropertyTools.Calendar calendar = tools.calendar(property, from);
        String name = calendar.name();
        int minimumStay = calendar.minimumStay();
        while (true) {
            LocalDate shownFrom = calendar.from().isBefore(from) ? from : calendar.from();
            for (PropertyTools.Range range : calendar.freeRanges()) {
                LocalDate start = range.start().isBefore(shownFrom) ? shownFrom : range.start();
                LocalDate stop = range.end().isAfter(end) ? end : range.end();
                if (!start.isBefore(stop)) {
                    continue;
                }
                int last = free.size() - 1;
                if (last >= 0 && free.get(last).end().equals(start)) {
                    free.set(last, new PropertyTools.Range(free.get(last).start(), stop));
                } else {
                    free.add(new PropertyTools.Range(start, stop));
                }
            }
            if (!calendar.to().isBefore(end)) {
                break;
            }
            calendar = tools.calendar(calendar.propertyId(), calendar.to());
        }
        int shortest = nights == null ? minimumStay : Math.max(minimumStay, nights);
        return new MonthCalendar(
                name,
                minimumStay,
                free.stream().filter(r -> r.nights() >= shortest).toList());
    }
}
