package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.holidaydesk.assistant.agent.offline.reading.Fact;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * Answers what a guest asks about one property, rather than about its free dates: price per night,
 * where it is, how many it sleeps, the minimum stay, what it is like, its amenities, and whether it has
 * what the guest wants (pets, parking, wifi, a pool, ...). Everything comes from {@code get_property};
 * when the property lacks what was asked, the properties that have it (and sleep the party) are named.
 * No booking link: the closing line offers to check the dates the conversation already has, or asks for them.
 */
final class PropertyAnswers {

    /** Most other properties named for something one lacks. */
    static final int MOST_OTHERS = 4;

    private final PropertyTools tools;
    private final String businessContact;

    PropertyAnswers(PropertyTools tools, String businessContact) {
        this.tools = tools;
        this.businessContact = businessContact;
    }

    /**
     * @param known    what is known of the request, with this turn's words in it
     * @param facts    what is asked about the property
     * @param features what is asked whether it has
     * @param alone    whether the answer stands alone, ending with a question for dates and a word on the party's
     *                 size; not when an availability answer follows, which says both
     * @throws ToolRefusedException when the tools know no such property
     */
    Outcome answer(
            String property,
            GuestContext known,
            Set<Fact> facts,
            List<Feature> features,
            List<PropertyTools.PropertySummary> catalog,
            Wording words,
            boolean alone) {
        PropertyTools.PropertyDetails details = tools.details(property);
        GuestContext resolved = known.withProperty(details.name());
        List<String> lines = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        if (facts.contains(Fact.DESCRIPTION)) {
            lines.addAll(words.place().description(details));
        } else {
            if (facts.contains(Fact.LOCATION)) {
                lines.add(words.place().location(details));
            }
            if (facts.contains(Fact.PRICE)) {
                lines.add(words.place().nightlyPrice(details));
            } else if (facts.contains(Fact.MINIMUM_STAY)) {
                lines.add(words.minimumStay(details.name(), details.minimumStay()));
            }
            if (facts.contains(Fact.CAPACITY)) {
                lines.add(words.place().capacity(details));
            }
            if (facts.contains(Fact.AMENITIES)) {
                lines.add(words.place().amenitiesOf(details));
            }
        }
        for (Feature feature : features) {
            if (feature.in(details.tags(), details.amenities())) {
                lines.add(words.place().hasFeature(details.name(), feature));
                continue;
            }
            lines.add(words.place().lacksFeature(details.name(), feature, businessContact));
            List<String> others = catalog.stream()
                    .filter(p -> !p.id().equals(details.id()) && feature.in(p.tags(), p.amenities()))
                    .filter(p -> AvailabilityAnswers.sleeps(p.maxGuests(), known))
                    .map(PropertyTools.PropertySummary::name)
                    .limit(MOST_OTHERS)
                    .toList();
            if (!others.isEmpty()) {
                lines.add(words.place().othersWith(feature, others));
                others.stream().filter(name -> !offered.contains(name)).forEach(offered::add);
            }
        }
        if (!alone) {
            return new Outcome(String.join("\n", lines), resolved, offered);
        }
        if (known.guests() != null && details.maxGuests() < known.guests()) {
            if (!facts.contains(Fact.CAPACITY)) {
                lines.add(words.tooManyGuests(details.name(), details.maxGuests()));
            }
            List<String> sleeping = catalog.stream()
                    .filter(p -> AvailabilityAnswers.sleeps(p.maxGuests(), known))
                    .map(PropertyTools.PropertySummary::name)
                    .limit(MOST_OTHERS)
                    .toList();
            if (!sleeping.isEmpty()) {
                lines.add(words.place().sleepingTheParty(known.guests(), sleeping));
                sleeping.stream().filter(name -> !offered.contains(name)).forEach(offered::add);
            }
        } else {
            lines.add(
                    known.hasStay()
                            ? words.place().offerToCheck(details.name(), known.checkIn(), known.checkOut())
                            : words.place().askDatesFor(details.name(), known.guests()));
        }
        return new Outcome(String.join("\n", lines), resolved, offered);
    }
}
