package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * What the offline agent says of one property (its price, place, size, amenities, description, whether it
 * has what the guest asked) and of what guests want of a place, in the guest's language; the texts are the
 * language file's, the values (dates, counts, prices) are written as {@link Wording} writes them.
 */
final class PlaceWording {

    private final Wording words;

    PlaceWording(Wording words) {
        this.words = words;
    }

    String nightlyPrice(PropertyTools.PropertyDetails p) {
        return words.text(
                "nightlyPrice",
                "name",
                p.name(),
                "price",
                Wording.money(p.nightlyPrice(), p.currency()),
                "nights",
                words.nights(p.minimumStay()));
    }

    String location(PropertyTools.PropertyDetails p) {
        return words.text("location", "name", p.name(), "location", p.location());
    }

    String capacity(PropertyTools.PropertyDetails p) {
        String rooms = p.rooms() <= 0 ? "" : words.text("inRooms", "bedrooms", words.bedrooms(p.rooms()));
        return words.text("capacity", "name", p.name(), "guests", words.guests(p.maxGuests()), "rooms", rooms);
    }

    String amenitiesOf(PropertyTools.PropertyDetails p) {
        return p.amenities().isEmpty()
                ? words.text("amenitiesNone", "name", p.name())
                : words.text("amenitiesHas", "name", p.name(), "amenities", words.amenities(p.amenities()));
    }

    /** A few lines about the place: where, what it is like, its size and price, a photo. */
    List<String> description(PropertyTools.PropertyDetails p) {
        String text = "ro".equals(words.language())
                ? Wording.first(p.description().ro(), p.description().en())
                : Wording.first(p.description().en(), p.description().ro());
        String size = words.text("sleepsShort", "maxGuests", p.maxGuests(), "guests", words.guests(p.maxGuests()))
                + (p.rooms() > 0 ? " · " + words.bedrooms(p.rooms()) : "")
                + " · " + Wording.money(p.nightlyPrice(), p.currency()) + words.text("perNight")
                + " · " + words.text("minimumShort", "nights", words.nights(p.minimumStay()));
        List<String> lines = new java.util.ArrayList<>();
        lines.add("*" + p.name() + "* – " + p.location());
        if (text != null && !text.isBlank()) {
            lines.add("_" + text.strip() + "_");
        }
        lines.add(size);
        if (!p.amenities().isEmpty()) {
            lines.add(words.text("amenitiesLabel") + words.amenities(p.amenities()));
        }
        if (p.photoUrl() != null && !p.photoUrl().isBlank()) {
            lines.add(words.text("photoLabel") + p.photoUrl());
        }
        return lines;
    }

    String hasFeature(String name, Feature feature) {
        if (Feature.PETS.equals(feature.term())) {
            return words.text("hasPets", "name", name);
        }
        String key = feature.kind() == Feature.Kind.AMENITY ? "hasAmenity" : "hasTag";
        return words.text(key, "name", name, "feature", feature.name(words.file()));
    }

    String lacksFeature(String name, Feature feature, String contact) {
        if (Feature.PETS.equals(feature.term())) {
            return words.text("lacksPets", "name", name, "contact", contact);
        }
        String key = feature.kind() == Feature.Kind.AMENITY ? "lacksAmenity" : "lacksTag";
        return words.text(key, "name", name, "feature", feature.name(words.file()));
    }

    /** The properties that have what another lacks. */
    String othersWith(Feature feature, List<String> names) {
        return words.text("othersWith", "feature", feature.mark(words.file()), "names", bold(names));
    }

    /** The properties that sleep a party another is too small for. */
    String sleepingTheParty(int guests, List<String> names) {
        return words.text("sleepingTheParty", "guests", words.guests(guests), "names", bold(names));
    }

    String offerToCheck(String name, LocalDate checkIn, LocalDate checkOut) {
        return words.text("offerToCheck", "name", name, "stay", words.stay(checkIn, checkOut));
    }

    String askDatesFor(String name, Integer guests) {
        return guests == null
                ? words.text("askDatesForName", "name", name)
                : words.text("askDatesForNameAndGuests", "name", name, "guests", words.guests(guests));
    }

    private static String bold(List<String> names) {
        return names.stream().map(n -> "*" + n + "*").collect(Collectors.joining(", "));
    }

    // ---- what the guest wants of a place ----

    /** "pool, parking" / "piscină, parcare": the features as short labels. */
    String marks(List<Feature> features) {
        return features.stream().map(f -> f.mark(words.file())).distinct().collect(Collectors.joining(", "));
    }

    String matching(List<Feature> features) {
        return words.text("matching", "features", marks(features));
    }

    String noneMatching(List<Feature> features) {
        return words.text("noneMatching", "features", marks(features));
    }

    String bestMatchesFirst(List<Feature> features) {
        return words.text("bestMatchesFirst", "features", marks(features));
    }

    String noneOfTheFreeMatch(List<Feature> features) {
        return words.text("noneOfTheFreeMatch", "features", marks(features));
    }

    /** The labels a property matches, after its line: " – _romantic, hot tub_". */
    String matched(List<Feature> features) {
        return features.isEmpty() ? "" : " – _" + marks(features) + "_";
    }
}
