package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * What the offline agent says of one property (its price, place, size, amenities, description, whether it
 * has what the guest asked) and of what guests want of a place, in the guest's language; the values
 * (dates, counts, prices) are written as {@link Wording} writes them.
 */
final class PlaceWording {

    private final Wording words;
    private final boolean romanian;

    PlaceWording(Wording words, boolean romanian) {
        this.words = words;
        this.romanian = romanian;
    }

    String nightlyPrice(PropertyTools.PropertyDetails p) {
        String price = Wording.money(p.nightlyPrice(), p.currency());
        return words.say("*" + p.name() + "*: *" + price + "* a night for the whole place; stays of at least "
                        + words.nights(p.minimumStay()) + ".",
                "*" + p.name() + "*: *" + price + "* pe noapte pentru toată proprietatea; minimum " + words.nights(p.minimumStay()) + ".");
    }

    String location(PropertyTools.PropertyDetails p) {
        return words.say("*" + p.name() + "* is in *" + p.location() + "*.", "*" + p.name() + "* se află în *" + p.location() + "*.");
    }

    String capacity(PropertyTools.PropertyDetails p) {
        String rooms = p.rooms() <= 0 ? ""
                : words.say(", in " + (p.rooms() == 1 ? "1 bedroom" : p.rooms() + " bedrooms"),
                        ", în " + (p.rooms() == 1 ? "1 dormitor" : Wording.counted(p.rooms(), "dormitor", "dormitoare")));
        return words.say("*" + p.name() + "* sleeps up to *" + words.guests(p.maxGuests()) + "*" + rooms + ".",
                "*" + p.name() + "* are loc pentru cel mult *" + words.guests(p.maxGuests()) + "*" + rooms + ".");
    }

    String amenitiesOf(PropertyTools.PropertyDetails p) {
        return p.amenities().isEmpty()
                ? words.say("*" + p.name() + "* lists no amenities.", "*" + p.name() + "* nu are dotări trecute.")
                : words.say("*" + p.name() + "* has: ", "*" + p.name() + "* are: ") + words.amenities(p.amenities()) + ".";
    }

    /** A few lines about the place: where, what it is like, its size and price, a photo. */
    List<String> description(PropertyTools.PropertyDetails p) {
        String text = romanian ? Wording.first(p.description().ro(), p.description().en()) : Wording.first(p.description().en(),
                p.description().ro());
        String size = words.say("Sleeps " + p.maxGuests(), "Până la " + words.guests(p.maxGuests()))
                + (p.rooms() > 0 ? " · " + words.say(p.rooms() == 1 ? "1 bedroom" : p.rooms() + " bedrooms",
                        p.rooms() == 1 ? "1 dormitor" : Wording.counted(p.rooms(), "dormitor", "dormitoare")) : "")
                + " · " + Wording.money(p.nightlyPrice(), p.currency()) + words.say("/night", "/noapte")
                + " · " + words.say("min. ", "minimum ") + words.nights(p.minimumStay());
        List<String> lines = new java.util.ArrayList<>();
        lines.add("*" + p.name() + "* – " + p.location());
        if (text != null && !text.isBlank()) {
            lines.add("_" + text.strip() + "_");
        }
        lines.add(size);
        if (!p.amenities().isEmpty()) {
            lines.add(words.say("Amenities: ", "Dotări: ") + words.amenities(p.amenities()));
        }
        if (p.photoUrl() != null && !p.photoUrl().isBlank()) {
            lines.add(words.say("Photo: ", "Fotografie: ") + p.photoUrl());
        }
        return lines;
    }

    String hasFeature(String name, Feature feature) {
        if (Feature.PETS.equals(feature.term())) {
            return words.say("Yes, pets are welcome at *" + name + "*.", "Da, la *" + name + "* sunt primite animalele de companie.");
        }
        if (feature.kind() == Feature.Kind.AMENITY) {
            return words.say("Yes, *" + name + "* has *" + feature.english() + "*.", "Da, *" + name + "* are *" + feature.romanian() + "*.");
        }
        return words.say("Yes, *" + name + "* is one of our *" + feature.english() + "* places.",
                "Da, *" + name + "* este printre locurile noastre *" + feature.romanian() + "*.");
    }

    String lacksFeature(String name, Feature feature, String contact) {
        if (Feature.PETS.equals(feature.term())) {
            return words.say("*" + name + "* isn't one of our pet-friendly places, so I can't promise pets are allowed there; "
                            + "please ask us at " + contact + ".",
                    "*" + name + "* nu este printre locurile noastre care primesc animale de companie, așa că nu vă pot "
                            + "promite că sunt acceptate; întrebați-ne la " + contact + ".");
        }
        if (feature.kind() == Feature.Kind.AMENITY) {
            return words.say("*" + name + "* doesn't list *" + feature.english() + "* among its amenities.",
                    "*" + name + "* nu are *" + feature.romanian() + "* printre dotări.");
        }
        return words.say("*" + name + "* isn't one of our *" + feature.english() + "* places.",
                "*" + name + "* nu este printre locurile noastre *" + feature.romanian() + "*.");
    }

    /** The properties that have what another lacks. */
    String othersWith(Feature feature, List<String> names) {
        String list = names.stream().map(n -> "*" + n + "*").collect(Collectors.joining(", "));
        return words.say("With " + feature.mark(false) + ": ", "Cu " + feature.mark(true) + ": ") + list + ".";
    }

    /** The properties that sleep a party another is too small for. */
    String sleepingTheParty(int guests, List<String> names) {
        String list = names.stream().map(n -> "*" + n + "*").collect(Collectors.joining(", "));
        return words.say("For " + words.guests(guests) + ": ", "Pentru " + words.guests(guests) + ": ") + list + ".";
    }

    String offerToCheck(String name, LocalDate checkIn, LocalDate checkOut) {
        return words.say("Shall I check *" + name + "* for *" + words.stay(checkIn, checkOut) + "*?",
                "Să verific *" + name + "* pentru *" + words.stay(checkIn, checkOut) + "*?");
    }

    String askDatesFor(String name, Integer guests) {
        return guests == null
                ? words.say("Tell me your dates and how many you'll be, and I'll check *" + name + "* for you.",
                        "Spuneți-mi datele și câte persoane veți fi, și verific *" + name + "* pentru dumneavoastră.")
                : words.say("Tell me your dates and I'll check *" + name + "* for " + words.guests(guests) + ".",
                        "Spuneți-mi datele și verific *" + name + "* pentru " + words.guests(guests) + ".");
    }

    // ---- what the guest wants of a place ----

    /** "pool, parking" / "piscină, parcare": the features as short labels. */
    String marks(List<Feature> features) {
        return features.stream().map(f -> f.mark(romanian)).distinct().collect(Collectors.joining(", "));
    }

    String matching(List<Feature> features) {
        return words.say("Matching *" + marks(features) + "*:", "Potrivite pentru *" + marks(features) + "*:");
    }

    String noneMatching(List<Feature> features) {
        return words.say("None of our properties matches *" + marks(features) + "*. Here is all we have:",
                "Nicio proprietate de-a noastră nu se potrivește cu *" + marks(features) + "*. Iată tot ce avem:");
    }

    String bestMatchesFirst(List<Feature> features) {
        return words.say("_Best matches for *" + marks(features) + "* first._",
                "_Întâi cele potrivite pentru *" + marks(features) + "*._");
    }

    String noneOfTheFreeMatch(List<Feature> features) {
        return words.say("_None of the free ones matches *" + marks(features) + "*._",
                "_Niciuna dintre cele libere nu se potrivește cu *" + marks(features) + "*._");
    }

    /** The labels a property matches, after its line: " – _romantic, hot tub_". */
    String matched(List<Feature> features) {
        return features.isEmpty() ? "" : " – _" + marks(features) + "_";
    }
}
