package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.offline.reading.GuestRequest;

/**
 * What a guest has told so far about the stay they want, so that "for 2" after "June 15-20" completes
 * the question. Each part is replaced when a later message gives it again.
 *
 * @param checkIn  arrival day
 * @param checkOut departure day
 * @param month    a whole month asked about, when there is no arrival day
 * @param nights   a length of stay still waiting for its arrival day
 * @param guests   how many will stay
 * @param property the property asked about: its catalog name once a tool has resolved it, else as written
 * @param features what the guest wants of a place ({@link Feature#term}s): what is offered is ranked by them
 */
record GuestContext(
        LocalDate checkIn,
        LocalDate checkOut,
        YearMonth month,
        Integer nights,
        Integer guests,
        String property,
        List<String> features) {

    static final GuestContext EMPTY = new GuestContext(null, null, null, null, null, null);

    GuestContext {
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** A context without wishes about the place. */
    GuestContext(
            LocalDate checkIn, LocalDate checkOut, YearMonth month, Integer nights, Integer guests, String property) {
        this(checkIn, checkOut, month, nights, guests, property, List.of());
    }

    /**
     * This context with what the newest words add; new dates replace old ones of any kind, new wishes
     * replace old ones, and asking about any property forgets the one asked about before.
     */
    GuestContext with(GuestRequest request) {
        LocalDate in = checkIn;
        LocalDate out = checkOut;
        YearMonth askedMonth = month;
        Integer length = nights;
        // "what about the 20th to the 23rd?": the days in the month the conversation is about
        LocalDate[] days = request.days() == null
                ? null
                : request.days().stayAround(checkIn != null ? YearMonth.from(checkIn) : month);
        if (request.checkIn() == null && days != null) {
            in = days[0];
            out = days[1];
            askedMonth = null;
            length = null;
        } else if (request.checkIn() != null) {
            in = request.checkIn();
            out = request.checkOut();
            askedMonth = null;
            // "for 3 nights", then "from July 10": the earlier length still holds
            length = request.nights() != null || out != null ? request.nights() : nights;
        } else if (request.month() != null) {
            in = null;
            out = null;
            askedMonth = request.month();
            length = request.nights();
        } else if (request.nights() != null) {
            length = request.nights();
            out = in == null ? null : in.plusDays(length);
        }
        if (in != null && out == null && length != null) {
            out = in.plusDays(length);
        }
        return new GuestContext(
                in,
                out,
                askedMonth,
                length,
                request.guests() != null ? request.guests() : guests,
                request.property() != null ? request.property() : request.anyProperty() ? null : property,
                request.features().isEmpty() ? features : request.featureTerms());
    }

    /** The same context without what has gone by: an arrival before today, a month already over. */
    GuestContext asOf(LocalDate today) {
        boolean staleStay = checkIn != null && checkIn.isBefore(today);
        boolean staleMonth = month != null && month.isBefore(YearMonth.from(today));
        return new GuestContext(
                staleStay ? null : checkIn,
                staleStay ? null : checkOut,
                staleMonth ? null : month,
                staleStay ? null : nights,
                guests,
                property,
                features);
    }

    GuestContext withProperty(String name) {
        return new GuestContext(checkIn, checkOut, month, nights, guests, name, features);
    }

    GuestContext withoutProperty() {
        return withProperty(null);
    }

    GuestContext withoutDates() {
        return new GuestContext(null, null, null, null, guests, property, features);
    }

    /** Arrival and departure are both known. */
    boolean hasStay() {
        return checkIn != null && checkOut != null;
    }

    boolean isEmpty() {
        return equals(EMPTY);
    }
}
