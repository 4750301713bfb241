package org.holidaydesk.assistant.agent.tools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The property MCP tools as the offline agent reads them: each call returns the tool's structured
 * answer as a typed record. A tool that refuses the question ({@code isError}) throws
 * {@link ToolRefusedException} with its reason; a server that cannot be reached or answers too late
 * throws {@link ToolsUnavailableException}. Behind an interface so that the answer rules can be tested
 * on any availability.
 */
public interface PropertyTools {

    /** {@code list_properties}: every property, for greeting a guest and finding names in their words. */
    List<PropertySummary> listProperties();

    /** {@code get_property}: one property's details; {@code property} as the guest wrote it. */
    PropertyDetails details(String property);

    /**
     * {@code get_house_guide}: what the business wrote about staying at one property ({@code property} as the guest
     * wrote it), or at any of them (null); texts in {@code language} where the business wrote one.
     */
    HouseGuide guide(String property, String language);

    /** {@code search_availability}; {@code property} as the guest wrote it, or null for every property. */
    Availability search(LocalDate checkIn, LocalDate checkOut, int guests, String property);

    /** {@code get_calendar}: 30 nights of one property from {@code from}. */
    Calendar calendar(String property, LocalDate from);

    /** {@code create_booking_link}: the booking page pre-filled for a free stay. */
    BookingLink bookingLink(String property, LocalDate checkIn, LocalDate checkOut, int guests);

    record PropertySummary(
            String id,
            String name,
            String location,
            int rooms,
            int maxGuests,
            BigDecimal nightlyPrice,
            String currency,
            int minimumStay,
            List<String> tags,
            List<String> amenities) {

        public PropertySummary {
            tags = tags == null ? List.of() : List.copyOf(tags);
            amenities = amenities == null ? List.of() : List.copyOf(amenities);
        }
    }

    /** Everything the catalog says of one property; {@code photoUrl} and the descriptions may be null. */
    record PropertyDetails(
            String id,
            String name,
            String location,
            int rooms,
            int maxGuests,
            List<String> amenities,
            List<String> tags,
            BigDecimal nightlyPrice,
            String currency,
            int minimumStay,
            String photoUrl,
            Description description) {

        public PropertyDetails {
            amenities = amenities == null ? List.of() : List.copyOf(amenities);
            tags = tags == null ? List.of() : List.copyOf(tags);
            description = description == null ? new Description(null, null) : description;
        }
    }

    /**
     * A house guide's public part. {@code facts} by key ({@code checkIn}, {@code breakfast}, ...); without a
     * property, {@code byProperty} has each property's text of the facts that differ between them (null where its
     * guide lacks it); {@code notInGuide} the facts nobody wrote.
     */
    record HouseGuide(
            String propertyId,
            String name,
            Map<String, GuideFact> facts,
            Map<String, List<PropertyGuideFact>> byProperty,
            List<String> notInGuide,
            List<GuideQuestion> questions) {

        public HouseGuide {
            facts = facts == null ? Map.of() : Map.copyOf(facts);
            byProperty = byProperty == null ? Map.of() : Map.copyOf(byProperty);
            notInGuide = notInGuide == null ? List.of() : List.copyOf(notInGuide);
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** One fact as the business wrote it; {@code language} null when written without one. */
    record GuideFact(String text, String language, String source) {}

    record PropertyGuideFact(String propertyId, String name, String text, String language) {}

    record GuideQuestion(String question, String answer, String language, String source) {}

    /** A property's description in English and Romanian. */
    record Description(String en, String ro) {}

    /** A stay that can be booked; {@code shiftDays} is how far it moved from the asked dates. */
    record Offer(
            String propertyId,
            String name,
            String location,
            int maxGuests,
            LocalDate checkIn,
            LocalDate checkOut,
            int nights,
            BigDecimal totalPrice,
            String currency,
            int shiftDays) {}

    enum Status {
        AVAILABLE,
        BOOKED,
        TOO_MANY_GUESTS,
        BELOW_MINIMUM_STAY
    }

    record Requested(String propertyId, String name, Status status, int maxGuests, int minimumStay) {}

    record Alternatives(List<Offer> nearbyDates, List<Offer> otherProperties) {

        public Alternatives {
            nearbyDates = nearbyDates == null ? List.of() : List.copyOf(nearbyDates);
            otherProperties = otherProperties == null ? List.of() : List.copyOf(otherProperties);
        }
    }

    /** {@code requested} is null when no property was named. */
    record Availability(
            LocalDate checkIn,
            LocalDate checkOut,
            int nights,
            int guests,
            Requested requested,
            List<Offer> available,
            int totalAvailable,
            Alternatives alternatives) {

        public Availability {
            available = available == null ? List.of() : List.copyOf(available);
            alternatives = alternatives == null ? new Alternatives(List.of(), List.of()) : alternatives;
        }
    }

    /** Nights from {@code start} up to {@code end}, the departure day. */
    record Range(LocalDate start, LocalDate end) {

        public int nights() {
            return (int) (end.toEpochDay() - start.toEpochDay());
        }
    }

    /** {@code to} is the day after the last night shown. */
    record Calendar(
            String propertyId,
            String name,
            LocalDate from,
            LocalDate to,
            int freeNights,
            List<Range> freeRanges,
            List<Range> bookedRanges,
            int minimumStay) {

        public Calendar {
            freeRanges = freeRanges == null ? List.of() : List.copyOf(freeRanges);
            bookedRanges = bookedRanges == null ? List.of() : List.copyOf(bookedRanges);
        }
    }

    record BookingLink(
            String propertyId,
            String name,
            LocalDate checkIn,
            LocalDate checkOut,
            int nights,
            int guests,
            BigDecimal totalPrice,
            String currency,
            String url) {}
}
