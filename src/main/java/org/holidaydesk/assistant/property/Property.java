package org.holidaydesk.assistant.property;

import java.math.BigDecimal;
import java.util.List;

/**
 * A holiday property as guests see it.
 *
 * @param id           stable catalog id (lowercase, hyphens), used by the tools and booking links
 * @param name         the name guests know it by
 * @param aliases      other names and common misspellings that should still find it
 * @param location     where it is, in words
 * @param rooms        bedrooms
 * @param maxGuests    most guests it sleeps
 * @param amenities    what it offers (wifi, parking, sauna, ...)
 * @param tags         what it suits (romantic, family, pet-friendly, ...)
 * @param nightlyPrice price of one night for the whole property
 * @param currency     ISO 4217 code of the price (RON, EUR)
 * @param minimumStay  fewest nights one booking may have
 * @param photoUrl     a photo to show, or null
 * @param description  English and Romanian descriptions
 * @param bookingId    the property's id in the business's booking system; null means the catalog id
 */
public record Property(
        String id,
        String name,
        List<String> aliases,
        String location,
        int rooms,
        int maxGuests,
        List<String> amenities,
        List<String> tags,
        BigDecimal nightlyPrice,
        String currency,
        int minimumStay,
        String photoUrl,
        Description description,
        String bookingId) {

    public Property {
        aliases = List.copyOf(aliases);
        amenities = List.copyOf(amenities);
        tags = List.copyOf(tags);
    }

    /** The same text in the two languages guests write in. */
    public record Description(String en, String ro) {}

    /** Price of {@code nights} nights. */
    public BigDecimal priceFor(int nights) {
        return nightlyPrice.multiply(BigDecimal.valueOf(nights));
    }

    /** "450 RON" for prices in text answers. */
    static String money(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;
    }

    /** Id used in booking links: the booking system's own id when the catalog gives one. */
    public String bookingSystemId() {
        return bookingId == null || bookingId.isBlank() ? id : bookingId;
    }
}
