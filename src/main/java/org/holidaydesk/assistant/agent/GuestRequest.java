package org.holidaydesk.assistant.agent;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What one turn's words ask for. Every part may be missing; what is missing may be known from the
 * guest's earlier messages ({@link GuestContext}).
 *
 * @param greeting  the guest says hello
 * @param thanks    the guest says thank you
 * @param checkIn   arrival day
 * @param checkOut  departure day
 * @param month     a whole month asked about, when there is no arrival day
 * @param nights    a length of stay
 * @param guests    how many will stay
 * @param property  a property as the guest wrote it, for the tools to resolve
 * @param anyProperty the guest asks about any property ("anything free?", "altceva?"), not the one asked before
 */
record GuestRequest(boolean greeting, boolean thanks, LocalDate checkIn, LocalDate checkOut, YearMonth month,
                    Integer nights, Integer guests, String property, boolean anyProperty) {

    /** Nothing about a stay: no dates, party or property. */
    boolean asksNothing() {
        return checkIn == null && checkOut == null && month == null && nights == null && guests == null && property == null;
    }
}
