package org.holidaydesk.assistant.property;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Nights from {@code start} up to {@code end}, the day one leaves (exclusive). */
public record DateRange(LocalDate start, LocalDate end) {

    public int nights() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }
}
