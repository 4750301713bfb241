package org.holidaydesk.assistant.property;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.property.SearchResult.Alternatives;

/**
 * The availability rules over one consistent view of the catalog and its calendars. Immutable: the
 * index builds a new one whenever the catalog or a calendar changes, and a search never sees half an
 * update. Every method takes "today" so that the rules can be tested on any date.
 */
final class AvailabilitySearch {

    /** Nearby dates start from this many days before the asked check-in ... */
    static final int SHIFT_EARLIER = 10;
    /** ... to this many days after it. */
    static final int SHIFT_LATER = 20;
    /** Nearby-date options offered at most. */
    static final int NEARBY_OPTIONS = 5;
    /** Days in a calendar overview. */
    static final int OVERVIEW_DAYS = 30;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Party-size fit first (a couple gets the cottage before the ten-bed villa), then price, then name. */
    private static final Comparator<Offer> BEST_FIT = Comparator.comparingInt(Offer::maxGuests)
            .thenComparing(Offer::totalPrice)
            .thenComparing(Offer::name);

    /** Nearest shift first, later before earlier at the same distance, then the best fit. */
    private static final Comparator<Offer> NEAREST_SHIFT = Comparator.comparingInt((Offer o) -> Math.abs(o.shiftDays()))
            .thenComparing(o -> o.shiftDays() < 0)
            .thenComparing(BEST_FIT);

    private final List<Property> properties;
    private final Map<String, Occupancy> occupancy;
    private final PropertyNameMatcher names;
    private final Limits limits;

    /**
     * @param maxNights   the longest stay accepted
     * @param horizonDays how far ahead calendars are known, so how far ahead a stay may end
     * @param maxResults  the most offers one list carries
     */
    record Limits(int maxNights, int horizonDays, int maxResults) {}

    AvailabilitySearch(List<Property> properties, Map<String, Occupancy> occupancy, Limits limits) {
        this.properties =
                properties.stream().sorted(Comparator.comparing(Property::name)).toList();
        this.occupancy = Map.copyOf(occupancy);
        this.names = new PropertyNameMatcher(this.properties);
        this.limits = limits;
    }

    static AvailabilitySearch of(List<Property> properties, List<BlockedRange> blocks, Limits limits) {
        Map<String, List<BlockedRange>> byProperty =
                blocks.stream().collect(Collectors.groupingBy(BlockedRange::propertyId));
        Map<String, Occupancy> occupancy = properties.stream()
                .collect(Collectors.toMap(
                        Property::id, p -> Occupancy.of(byProperty.getOrDefault(p.id(), List.of())), (a, b) -> a));
        return new AvailabilitySearch(properties, occupancy, limits);
    }

    List<Property> properties() {
        return properties;
    }

    /** Properties in name order, optionally only those with a tag and those that sleep the party. */
    List<Property> list(String tag, Integer guests) {
        if (guests != null && guests < 1) {
            throw new PropertyRequestException(
                    "The number of guests must be at least 1. Ask the guest how many people will stay.");
        }
        String wantedTag = tag == null || tag.isBlank() ? null : PropertyNameMatcher.normalize(tag);
        return properties.stream()
                .filter(p -> guests == null || p.maxGuests() >= guests)
                .filter(p -> wantedTag == null
                        || p.tags().stream().map(PropertyNameMatcher::normalize).anyMatch(wantedTag::equals))
                .toList();
    }

    /** The property a guest named, or a {@link PropertyRequestException} saying which names are closest. */
    Property find(String query) {
        if (query == null || query.isBlank()) {
            throw new PropertyRequestException(
                    "No property was named. Ask the guest which property they mean; " + "the properties are: "
                            + namesOf(properties.stream().limit(10).toList()) + ".");
        }
        return switch (names.resolve(query)) {
            case PropertyNameMatcher.Found found -> found.property();
            case PropertyNameMatcher.Ambiguous ambiguous ->
                throw new PropertyRequestException("\"" + query + "\" could be " + namesOf(ambiguous.candidates())
                        + ". Ask the guest which one they mean.");
            case PropertyNameMatcher.Unknown unknown ->
                throw new PropertyRequestException("There is no property called \"" + query + "\"."
                        + (unknown.closest().isEmpty()
                                ? ""
                                : " The closest names are " + namesOf(unknown.closest()) + ".")
                        + " Ask the guest which property they mean, or search without a property to see what is free.");
        };
    }

    SearchResult search(LocalDate checkIn, LocalDate checkOut, int guests, String propertyQuery, LocalDate today) {
        checkStay(checkIn, checkOut, guests, today);
        int nights = new DateRange(checkIn, checkOut).nights();
        int in = (int) checkIn.toEpochDay();
        int out = (int) checkOut.toEpochDay();
        Property wanted = propertyQuery == null || propertyQuery.isBlank() ? null : find(propertyQuery);

        List<Offer> free = new ArrayList<>();
        for (Property property : properties) {
            if (property != wanted
                    && fits(property, guests, nights)
                    && occupancy.get(property.id()).isFree(in, out)) {
                free.add(Offer.of(property, checkIn, checkOut, 0));
            }
        }
        free.sort(BEST_FIT);

        if (wanted == null) {
            Alternatives alternatives = free.isEmpty()
                    ? new Alternatives(nearbyDates(properties, checkIn, nights, guests, today), List.of())
                    : Alternatives.NONE;
            return new SearchResult(
                    checkIn, checkOut, nights, guests, null, firstResults(free), free.size(), alternatives);
        }

        SearchResult.Status status = statusOf(wanted, guests, nights, in, out);
        SearchResult.Requested requested = new SearchResult.Requested(
                wanted.id(), wanted.name(), status, wanted.maxGuests(), wanted.minimumStay());
        if (status == SearchResult.Status.AVAILABLE) {
            return new SearchResult(
                    checkIn,
                    checkOut,
                    nights,
                    guests,
                    requested,
                    List.of(Offer.of(wanted, checkIn, checkOut, 0)),
                    1,
                    Alternatives.NONE);
        }
        List<Offer> nearby =
                status == SearchResult.Status.BOOKED ? nearbyDates(wanted, checkIn, nights, guests, today) : List.of();
        return new SearchResult(
                checkIn,
                checkOut,
                nights,
                guests,
                requested,
                List.of(),
                0,
                new Alternatives(nearby, firstResults(free)));
    }

    /** The next {@value #OVERVIEW_DAYS} nights of one property from {@code from}. */
    CalendarOverview overview(String propertyQuery, LocalDate from, LocalDate today) {
        Property property = find(propertyQuery);
        if (from.isBefore(today)) {
            throw new PropertyRequestException("The calendar start " + ISO.format(from) + " is in the past (today is "
                    + ISO.format(today) + "). Use today or a later date.");
        }
        LocalDate horizon = today.plusDays(limits.horizonDays());
        if (from.isAfter(horizon)) {
            throw new PropertyRequestException(
                    "Calendars are known only up to " + ISO.format(horizon) + ". Ask the guest for an earlier month.");
        }
        LocalDate to = from.plusDays(OVERVIEW_DAYS);
        Occupancy nights = occupancy.get(property.id());
        List<DateRange> booked = nights.blockedWithin(from, to);
        List<DateRange> free = nights.freeWithin(from, to);
        int bookedNights = booked.stream().mapToInt(DateRange::nights).sum();
        DateRange longest = free.stream()
                .max(Comparator.comparingInt(DateRange::nights)
                        .thenComparing(DateRange::start, Comparator.reverseOrder()))
                .orElse(null);
        return new CalendarOverview(
                property.id(),
                property.name(),
                from,
                to,
                OVERVIEW_DAYS - bookedNights,
                bookedNights,
                longest,
                free,
                booked,
                property.minimumStay());
    }

    /** Whether one property can be booked exactly as asked; the reason when it cannot. */
    SearchResult.Status statusOf(Property property, int guests, int nights, LocalDate checkIn, LocalDate checkOut) {
        return statusOf(property, guests, nights, (int) checkIn.toEpochDay(), (int) checkOut.toEpochDay());
    }

    private SearchResult.Status statusOf(Property property, int guests, int nights, int in, int out) {
        if (guests > property.maxGuests()) {
            return SearchResult.Status.TOO_MANY_GUESTS;
        }
        if (nights < property.minimumStay()) {
            return SearchResult.Status.BELOW_MINIMUM_STAY;
        }
        return occupancy.get(property.id()).isFree(in, out)
                ? SearchResult.Status.AVAILABLE
                : SearchResult.Status.BOOKED;
    }

    /** Refuses stays the rules do not allow, saying what to ask the guest instead. */
    void checkStay(LocalDate checkIn, LocalDate checkOut, int guests, LocalDate today) {
        if (guests < 1) {
            throw new PropertyRequestException(
                    "The number of guests must be at least 1. Ask the guest how many people will stay.");
        }
        if (checkIn.isBefore(today)) {
            throw new PropertyRequestException(
                    "The check-in date " + ISO.format(checkIn) + " is in the past (today is " + ISO.format(today)
                            + "). Ask the guest for dates from today on; if they gave no year, they probably mean the next one.");
        }
        if (!checkOut.isAfter(checkIn)) {
            throw new PropertyRequestException(
                    "The check-out date " + ISO.format(checkOut) + " must be after the check-in date "
                            + ISO.format(checkIn) + ". Ask the guest on which day they leave.");
        }
        int nights = new DateRange(checkIn, checkOut).nights();
        if (nights > limits.maxNights()) {
            throw new PropertyRequestException(
                    "That stay is " + nights + " nights; searches cover at most " + limits.maxNights()
                            + " nights. Ask the guest for a shorter stay, or to contact the business for long stays.");
        }
        LocalDate horizon = today.plusDays(limits.horizonDays());
        if (checkOut.isAfter(horizon)) {
            throw new PropertyRequestException(
                    "Calendars are known only up to " + ISO.format(horizon) + ". Ask the guest for dates before then.");
        }
    }

    /** One property: its nearest free starts, several of them, nearest first. */
    private List<Offer> nearbyDates(Property property, LocalDate checkIn, int nights, int guests, LocalDate today) {
        if (!fits(property, guests, nights)) {
            return List.of();
        }
        Occupancy calendar = occupancy.get(property.id());
        int first = firstStart(checkIn, today);
        int last = lastStart(checkIn, nights, today);
        List<Offer> options = new ArrayList<>();
        for (int distance = 1;
                distance <= Math.max(SHIFT_EARLIER, SHIFT_LATER) && options.size() < NEARBY_OPTIONS;
                distance++) {
            for (int shift : new int[] {distance, -distance}) {
                int in = (int) checkIn.toEpochDay() + shift;
                if (in >= first && in <= last && options.size() < NEARBY_OPTIONS && calendar.isFree(in, in + nights)) {
                    LocalDate start = checkIn.plusDays(shift);
                    options.add(Offer.of(property, start, start.plusDays(nights), shift));
                }
            }
        }
        return List.copyOf(options);
    }

    /** Every property: the nearest free start of each, the nearest of those first. */
    private List<Offer> nearbyDates(
            List<Property> candidates, LocalDate checkIn, int nights, int guests, LocalDate today) {
        int in = (int) checkIn.toEpochDay();
        int first = firstStart(checkIn, today);
        int last = lastStart(checkIn, nights, today);
        List<Offer> options = new ArrayList<>();
        for (Property property : candidates) {
            if (fits(property, guests, nights)) {
                int shift = occupancy.get(property.id()).nearestFreeShift(in, nights, first, last);
                if (shift != Occupancy.NO_SHIFT && shift != 0) {
                    LocalDate start = checkIn.plusDays(shift);
                    options.add(Offer.of(property, start, start.plusDays(nights), shift));
                }
            }
        }
        options.sort(NEAREST_SHIFT);
        return List.copyOf(options.subList(0, Math.min(options.size(), NEARBY_OPTIONS)));
    }

    private static int firstStart(LocalDate checkIn, LocalDate today) {
        return (int) Math.max(checkIn.toEpochDay() - SHIFT_EARLIER, today.toEpochDay());
    }

    private int lastStart(LocalDate checkIn, int nights, LocalDate today) {
        return (int) Math.min(
                checkIn.toEpochDay() + SHIFT_LATER,
                today.plusDays(limits.horizonDays()).toEpochDay() - nights);
    }

    private static boolean fits(Property property, int guests, int nights) {
        return guests <= property.maxGuests() && nights >= property.minimumStay();
    }

    private List<Offer> firstResults(List<Offer> offers) {
        return List.copyOf(offers.subList(0, Math.min(offers.size(), limits.maxResults())));
    }

    private static String namesOf(List<Property> list) {
        return list.stream().map(Property::name).map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
    }
}
