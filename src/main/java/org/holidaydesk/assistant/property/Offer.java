package org.holidaydesk.assistant.property;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stay that can be booked: this property, these dates, this price.
 *
 * @param shiftDays how many days the stay moved from the dates asked (negative: earlier); 0 on the asked dates
 */
public record Offer(
        String propertyId,
        String name,
        String location,
        int maxGuests,
        LocalDate checkIn,
        LocalDate checkOut,
        int nights,
        BigDecimal nightlyPrice,
        BigDecimal totalPrice,
        String currency,
        int shiftDays) {

    static Offer of(Property property, LocalDate checkIn, LocalDate checkOut, int shiftDays) {
        int nights = new DateRange(checkIn, checkOut).nights();
        return new Offer(
                property.id(),
                property.name(),
                property.location(),
                property.maxGuests(),
                checkIn,
                checkOut,
                nights,
                property.nightlyPrice(),
                property.priceFor(nights),
                property.currency(),
                shiftDays);
    }
}
