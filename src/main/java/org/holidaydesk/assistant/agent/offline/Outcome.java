package org.holidaydesk.assistant.agent.offline;

import java.util.List;
import org.holidaydesk.assistant.agent.DatePicker;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * An answer of the offline agent and what it leaves known.
 *
 * @param text    the answer
 * @param context what is known of the request after this answer (a property resolved, a refused date forgotten)
 * @param offered the properties the answer asks the guest to choose from, by name, in the answer's order; none
 *                for a listing that asks for dates
 * @param free    the properties the answer says are free, by name (the booking funnel's offers)
 * @param link    the booking page the answer leads to, or null
 * @param dates   the calendar a date picker would show for the guest's vague dates, or null
 */
record Outcome(
        String text,
        GuestContext context,
        List<String> offered,
        List<String> free,
        PropertyTools.BookingLink link,
        DatePicker dates) {

    Outcome {
        offered = List.copyOf(offered);
        free = List.copyOf(free);
    }

    Outcome(String text, GuestContext context, List<String> offered) {
        this(text, context, offered, List.of(), null, null);
    }

    Outcome(String text, GuestContext context) {
        this(text, context, List.of());
    }

    Outcome withText(String newText) {
        return new Outcome(newText, context, offered, free, link, dates);
    }

    Outcome withFree(List<String> names) {
        return new Outcome(text, context, offered, names, link, dates);
    }

    Outcome withLink(PropertyTools.BookingLink bookingLink) {
        return new Outcome(text, context, offered, free, bookingLink, dates);
    }

    Outcome withDates(DatePicker picker) {
        return new Outcome(text, context, offered, free, link, picker);
    }
}
