package org.holidaydesk.assistant.property;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "is anything free from ... to ... for N guests (at this property)?".
 *
 * @param requested      how the named property fares, or null when none was named
 * @param available      properties free on the asked dates that fit the party, best fit first
 * @param totalAvailable how many there are in all ({@code available} is cut to the configured maximum)
 * @param alternatives   what to offer instead when the asked property or dates do not work
 */
public record SearchResult(
        LocalDate checkIn,
        LocalDate checkOut,
        int nights,
        int guests,
        Requested requested,
        List<Offer> available,
        int totalAvailable,
        Alternatives alternatives) {

    /** Why the named property can or cannot be booked as asked. */
    public enum Status {
        AVAILABLE,
        BOOKED,
        TOO_MANY_GUESTS,
        BELOW_MINIMUM_STAY
    }

    public record Requested(String propertyId, String name, Status status, int maxGuests, int minimumStay) {}

    /**
     * @param nearbyDates     the same length of stay starting up to 10 days earlier or 20 days later, nearest first
     * @param otherProperties other properties free on the asked dates that fit the party
     */
    public record Alternatives(List<Offer> nearbyDates, List<Offer> otherProperties) {

        static final Alternatives NONE = new Alternatives(List.of(), List.of());

        public boolean isEmpty() {
            return nearbyDates.isEmpty() && otherProperties.isEmpty();
        }
    }
}
