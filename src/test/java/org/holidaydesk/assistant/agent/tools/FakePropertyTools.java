package org.holidaydesk.assistant.agent.tools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Property tools answering what a test sets, recording each call, so that the answer rules can be
 * checked on any availability without a server.
 */
public class FakePropertyTools implements PropertyTools {

    public interface Search {
        Availability answer(LocalDate checkIn, LocalDate checkOut, int guests, String property);
    }

    public interface CalendarLookup {
        Calendar answer(String property, LocalDate from);
    }

    public interface Link {
        BookingLink answer(String property, LocalDate checkIn, LocalDate checkOut, int guests);
    }

    public interface Guides {
        HouseGuide answer(String property, String language);
    }

    public interface Details {
        PropertyDetails answer(String property);
    }

    public final List<String> calls = new ArrayList<>();
    public List<PropertySummary> catalog = List.of(
            summary("casa-pescarului", "Casa Pescarului", "Danube Delta", 6, 450, 2),
            summary("vila-franceza", "Vila Franceza", "Sinaia", 10, 1200, 2),
            summary("cabana-bradul", "Cabana Bradul", "Bran", 2, 380, 1));
    public Search search = (in, out, guests, property) -> {
        throw new AssertionError("no search expected");
    };
    public CalendarLookup calendar = (property, from) -> {
        throw new AssertionError("no calendar expected");
    };
    public Link link = (property, in, out, guests) -> {
        throw new AssertionError("no booking link expected");
    };
    /** By default the catalog's own entries, found by name or id as the guest wrote it, or refused as the tool does. */
    public Details details = property -> {
        PropertySummary p = catalog.stream()
                .filter(s -> s.name().equalsIgnoreCase(property.strip()) || s.id().equalsIgnoreCase(property.strip()))
                .findFirst()
                .orElseThrow(() ->
                        new ToolRefusedException("get_property", "There is no property called \"" + property + "\"."));
        return details(p, null);
    };

    public RuntimeException failure;
    /** By default a guide without any fact: every fact is not in the guide. */
    public Guides guides = (property, language) -> new HouseGuide(
            null,
            null,
            java.util.Map.of(),
            java.util.Map.of(),
            List.of(
                    "checkIn",
                    "checkOut",
                    "breakfast",
                    "cancellation",
                    "payment",
                    "directions",
                    "parking",
                    "pets",
                    "houseRules",
                    "included",
                    "nearby",
                    "languages"),
            List.of());

    public static PropertySummary summary(
            String id, String name, String location, int maxGuests, int nightlyPrice, int minimumStay) {
        return new PropertySummary(
                id,
                name,
                location,
                1,
                maxGuests,
                BigDecimal.valueOf(nightlyPrice),
                "RON",
                minimumStay,
                List.of(),
                List.of());
    }

    public static PropertySummary summary(
            String id,
            String name,
            String location,
            int maxGuests,
            int nightlyPrice,
            int minimumStay,
            List<String> tags,
            List<String> amenities) {
        return new PropertySummary(
                id,
                name,
                location,
                1,
                maxGuests,
                BigDecimal.valueOf(nightlyPrice),
                "RON",
                minimumStay,
                tags,
                amenities);
    }

    /** The details of a catalog entry, with a description in both languages when one is given. */
    public static PropertyDetails details(PropertySummary p, Description description) {
        return new PropertyDetails(
                p.id(),
                p.name(),
                p.location(),
                p.rooms(),
                p.maxGuests(),
                p.amenities(),
                p.tags(),
                p.nightlyPrice(),
                p.currency(),
                p.minimumStay(),
                null,
                description);
    }

    public static Offer offer(PropertySummary p, LocalDate checkIn, LocalDate checkOut, int shiftDays) {
        int nights = (int) (checkOut.toEpochDay() - checkIn.toEpochDay());
        return new Offer(
                p.id(),
                p.name(),
                p.location(),
                p.maxGuests(),
                checkIn,
                checkOut,
                nights,
                p.nightlyPrice().multiply(BigDecimal.valueOf(nights)),
                p.currency(),
                shiftDays);
    }

    /** The catalog entry by its name or id. */
    public PropertySummary named(String name) {
        return catalog.stream()
                .filter(p -> p.name().equals(name) || p.id().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public List<PropertySummary> listProperties() {
        calls.add("list_properties");
        failIfSet();
        return catalog;
    }

    @Override
    public PropertyDetails details(String property) {
        calls.add("get_property " + property);
        failIfSet();
        return details.answer(property);
    }

    @Override
    public HouseGuide guide(String property, String language) {
        calls.add("get_house_guide " + property + " " + language);
        failIfSet();
        return guides.answer(property, language);
    }

    @Override
    public Availability search(LocalDate checkIn, LocalDate checkOut, int guests, String property) {
        calls.add("search_availability " + checkIn + " " + checkOut + " " + guests
                + (property == null ? "" : " " + property));
        failIfSet();
        return search.answer(checkIn, checkOut, guests, property);
    }

    @Override
    public Calendar calendar(String property, LocalDate from) {
        calls.add("get_calendar " + property + " " + from);
        failIfSet();
        return calendar.answer(property, from);
    }

    @Override
    public BookingLink bookingLink(String property, LocalDate checkIn, LocalDate checkOut, int guests) {
        calls.add("create_booking_link " + property + " " + checkIn + " " + checkOut + " " + guests);
        failIfSet();
        return link.answer(property, checkIn, checkOut, guests);
    }

    private void failIfSet() {
        if (failure != null) {
            throw failure;
        }
    }
}
