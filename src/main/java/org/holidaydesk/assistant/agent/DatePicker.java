package org.holidaydesk.assistant.agent;

import java.time.LocalDate;
import java.util.List;

/**
 * The stay a calendar could ask the guest for, when their dates are vague: a window to pick in, the nights
 * already taken in it and the shortest stay.
 *
 * @param property    the property's name, or null for any property (the nights no property has free are taken)
 * @param from        the first day that can be picked
 * @param to          the last day that can be picked (a departure day)
 * @param unavailable nights that cannot be booked
 * @param minNights   the shortest stay
 * @param guests      the party when it is known, else null
 */
public record DatePicker(
        String property, LocalDate from, LocalDate to, List<LocalDate> unavailable, int minNights, Integer guests) {

    public DatePicker {
        unavailable = List.copyOf(unavailable);
    }
}
