package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.holidaydesk.assistant.agent.DatePicker;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * The date picker's initial data, from the calendar tool: the window the guest named (a month, or the next weeks
 * when they named none) and the nights in it that cannot be booked — one property's taken nights, or, for every
 * property, the nights none of them has free for its minimum stay.
 */
final class DatePickers {

    /** The window offered when the guest named none. */
    static final int DAYS_AHEAD = 60;

    private DatePickers() {}

    /** One property's picker over {@code [from, to)}. */
    static DatePicker forProperty(
            PropertyTools tools, String property, LocalDate from, LocalDate to, Integer nights, Integer guests) {
        MonthCalendar stretches = MonthCalendar.between(tools, property, from, to, nights);
        return new DatePicker(
                stretches.name(),
                from,
                to,
                unavailable(from, to, stretches.bookable()),
                Math.max(stretches.minimumStay(), nights == null ? 1 : nights),
                guests);
    }

    /** Every named property's free nights together over {@code [from, to)}: a night none has free is unavailable. */
    static DatePicker common(
            PropertyTools tools,
            Collection<String> properties,
            LocalDate from,
            LocalDate to,
            Integer nights,
            Integer guests) {
        List<PropertyTools.Range> free = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        for (String property : properties) {
            MonthCalendar stretches = MonthCalendar.between(tools, property, from, to, nights);
            free.addAll(stretches.bookable());
            shortest = Math.min(shortest, stretches.minimumStay());
        }
        int minimum = Math.max(shortest == Integer.MAX_VALUE ? 1 : shortest, nights == null ? 1 : nights);
        return new DatePicker(null, from, to, unavailable(from, to, free), minimum, guests);
    }

    /** The nights of {@code [from, to)} that no free stretch covers. */
    private static List<LocalDate> unavailable(LocalDate from, LocalDate to, List<PropertyTools.Range> free) {
        TreeSet<LocalDate> taken = new TreeSet<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            taken.add(day);
        }
        for (PropertyTools.Range range : free) {
            for (LocalDate day = range.start(); day.isBefore(range.end()); day = day.plusDays(1)) {
                taken.remove(day);
            }
        }
        return List.copyOf(taken);
    }
}
