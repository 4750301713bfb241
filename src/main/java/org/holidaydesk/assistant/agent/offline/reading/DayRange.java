package org.holidaydesk.assistant.agent.offline.reading;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Days of a month the guest did not name ("what about the 20th to the 23rd?"): the month is the conversation's.
 *
 * @param today the business's today when the guest wrote: no stay starts before it
 */
public record DayRange(int from, int to, LocalDate today) {

    /** The stay in {@code around} (the conversation's month; this month when there is none), or the next month that has it. */
    public LocalDate[] stayAround(YearMonth around) {
        YearMonth month = around == null ? YearMonth.from(today) : around;
        for (int tries = 0; tries < 13; tries++, month = month.plusMonths(1)) {
            if (from > month.lengthOfMonth() || month.atDay(from).isBefore(today)) {
                continue;
            }
            YearMonth outMonth = to > from ? month : month.plusMonths(1);
            return new LocalDate[] {month.atDay(from), outMonth.atDay(Math.min(to, outMonth.lengthOfMonth()))};
        }
        return null;
    }
}
