package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.holidaydesk.assistant.agent.DatePicker;
import org.holidaydesk.assistant.agent.offline.reading.Fact;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.ToolRefusedException;

/**
 * The offline agent's answer rules: from what is known of the guest's request to the tool calls that
 * answer it and the words of the answer. Exact dates with a named property get that property's status
 * and, when it is free and the party is known, a booking link; exact dates alone get every property
 * that fits; a month gets the free stretches of its calendar; anything missing is asked for. A question
 * a tool refuses becomes a question to the guest. Every figure comes from the tools.
 *
 * <p>No property that sleeps fewer than the party is ever offered, and what the guest wants of a place
 * (romantic, pet-friendly, parking, ...) puts the properties that have it first, saying so.
 */
final class AvailabilityAnswers {

    /** Most offers, ranges or properties in one list, so that an answer stays short on a phone. */
    static final int MOST_LINES = 6;
    /** Most nearby dates of one property: a few choices, not a calendar. */
    static final int MOST_NEARBY = 3;

    private final PropertyTools tools;
    private final String businessContact;
    private final Refusals refusals;
    private final boolean datePicker;
    private final CalendarAnswers calendars;

    AvailabilityAnswers(PropertyTools tools, String businessContact) {
        this(tools, businessContact, false);
    }

    /** With {@code datePicker}, answers to vague or missing dates carry the calendar a date picker would show. */
    AvailabilityAnswers(PropertyTools tools, String businessContact, boolean datePicker) {
        this.tools = tools;
        this.businessContact = businessContact;
        this.refusals = new Refusals(businessContact);
        this.datePicker = datePicker;
        this.calendars = new CalendarAnswers(tools, businessContact, datePicker);
    }

    /**
     * What the business offers, and a question for dates: every property that sleeps the party when it is
     * known, only those with what the guest wants when some have it.
     */
    Outcome welcome(GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words) {
        AnswerLines lines = new AnswerLines().add(words.intro());
        List<PropertyTools.PropertySummary> listed = listing(known, catalog, words, lines);
        if (listed == null) {
            return new Outcome(lines.text(), known);
        }
        listed.stream().limit(MOST_LINES).forEach(p -> lines.add(words.propertyLine(p)));
        if (listed.size() > MOST_LINES) {
            lines.add(words.more(listed.size() - MOST_LINES));
        }
        lines.add(known.guests() == null ? words.askDatesAndGuests() : words.askDates(known.guests()));
        return new Outcome(lines.text(), known).withDates(commonPicker(known, listed, words));
    }

    /** The date picker over the next weeks for every listed property, when one is published. */
    private DatePicker commonPicker(GuestContext known, List<PropertyTools.PropertySummary> listed, Wording words) {
        if (!datePicker || listed.isEmpty()) {
            return null;
        }
        LocalDate from = words.today();
        return DatePickers.common(
                tools, names(listed), from, from.plusDays(DatePickers.DAYS_AHEAD), known.nights(), known.guests());
    }

    /**
     * The answer to a question about the properties themselves, when none is named: each property's
     * price, place and size (with the minimum stay or the amenities when asked), as in {@link #welcome}.
     */
    Outcome catalogFacts(
            GuestContext known, Set<Fact> facts, List<PropertyTools.PropertySummary> catalog, Wording words) {
        AnswerLines lines = new AnswerLines();
        List<PropertyTools.PropertySummary> listed = listing(known, catalog, words, lines);
        if (listed == null) {
            return new Outcome(lines.text(), known);
        }
        for (PropertyTools.PropertySummary p : listed.stream().limit(MOST_LINES).toList()) {
            lines.add(facts.contains(Fact.MINIMUM_STAY) ? words.propertyLineWithMinimumStay(p) : words.propertyLine(p));
            if (facts.contains(Fact.AMENITIES)) {
                lines.add(words.amenitiesLine(p));
            }
        }
        if (listed.size() > MOST_LINES) {
            lines.add(words.more(listed.size() - MOST_LINES));
        }
        lines.add(
                known.hasStay() && known.guests() != null
                        ? words.pickOne()
                        : known.guests() == null ? words.askDatesAndGuests() : words.askDates(known.guests()));
        return new Outcome(lines.text(), known, known.hasStay() && known.guests() != null ? names(listed) : List.of());
    }

    /**
     * The catalog as it may be offered: without the properties too small for the party, best matches
     * for what the guest wants first (only those when some match). Adds the header lines; null, with the
     * business's contact added, when no property sleeps the party.
     */
    private List<PropertyTools.PropertySummary> listing(
            GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words, AnswerLines lines) {
        List<PropertyTools.PropertySummary> fitting =
                catalog.stream().filter(p -> sleeps(p.maxGuests(), known)).toList();
        if (fitting.isEmpty()) {
            int most = catalog.stream()
                    .mapToInt(PropertyTools.PropertySummary::maxGuests)
                    .max()
                    .orElse(0);
            lines.add(words.partyTooLargeForAll(known.guests(), most, businessContact));
            return null;
        }
        WantedFeatures wanted = WantedFeatures.of(known, catalog);
        if (wanted.none()) {
            return fitting;
        }
        List<PropertyTools.PropertySummary> matching =
                fitting.stream().filter(p -> !wanted.of(p.id()).isEmpty()).toList();
        if (matching.isEmpty()) {
            lines.add(words.place().noneMatching(wanted.wanted()));
            return fitting;
        }
        lines.add(words.place().matching(wanted.wanted()));
        return wanted.ranked(matching, PropertyTools.PropertySummary::id);
    }

    /** The answer to what is known of the request, with this turn's words already in it. */
    Outcome answer(GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words, LocalDate today) {
        int most = catalog.stream()
                .mapToInt(PropertyTools.PropertySummary::maxGuests)
                .max()
                .orElse(0);
        if (known.guests() != null && most > 0 && known.guests() > most) {
            return new Outcome(words.partyTooLargeForAll(known.guests(), most, businessContact), known);
        }
        try {
            if (known.property() != null) {
                if (known.hasStay()) {
                    return propertyStay(known, catalog, words);
                }
                if (known.month() != null) {
                    return calendars.propertyMonth(known, catalog, words, today);
                }
                if (known.checkIn() != null) {
                    return new Outcome(words.askCheckOut(known.checkIn()), known);
                }
                if (known.nights() != null) {
                    return new Outcome(words.askCheckIn(known.nights()), known);
                }
                return calendars.propertySoon(known, catalog, words);
            }
            if (known.hasStay()) {
                return known.guests() == null
                        ? new Outcome(words.askGuests(known.checkIn(), known.checkOut()), known)
                        : everyProperty(known, catalog, words);
            }
            if (known.month() != null) {
                return calendars.monthWindows(known, catalog, words, today, null);
            }
            if (known.checkIn() != null) {
                return new Outcome(words.askCheckOut(known.checkIn()), known);
            }
            if (known.nights() != null) {
                return new Outcome(words.askCheckIn(known.nights()), known);
            }
            if (!known.features().isEmpty()) {
                return welcome(known, catalog, words);
            }
            return new Outcome(words.askDates(known.guests()), known)
                    .withDates(commonPicker(
                            known,
                            catalog.stream()
                                    .filter(p -> sleeps(p.maxGuests(), known))
                                    .toList(),
                            words));
        } catch (ToolRefusedException refused) {
            return refusal(refused, known, catalog, words);
        }
    }

    /** Exact dates at one property: a booking link when it is free, the reason and alternatives when not. */
    private Outcome propertyStay(GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words) {
        // the price does not depend on the party: without it, check the stay for one and ask
        int guests = known.guests() == null ? 1 : known.guests();
        PropertyTools.Availability result = tools.search(known.checkIn(), known.checkOut(), guests, known.property());
        PropertyTools.Requested requested = result.requested();
        GuestContext resolved = requested == null ? known : known.withProperty(requested.name());
        if (requested == null) {
            return everyPropertyAnswer(result, resolved, catalog, words);
        }
        AnswerLines lines = new AnswerLines();
        switch (requested.status()) {
            case AVAILABLE -> {
                if (known.guests() == null) {
                    return new Outcome(words.freeAskGuests(result.available().get(0)), resolved)
                            .withFree(List.of(requested.name()));
                }
                PropertyTools.BookingLink link =
                        tools.bookingLink(requested.name(), known.checkIn(), known.checkOut(), guests);
                return new Outcome(words.freeWithLink(link), resolved)
                        .withFree(List.of(link.name()))
                        .withLink(link);
            }
            case BOOKED -> lines.add(words.booked(requested.name(), known.checkIn(), known.checkOut()));
            case TOO_MANY_GUESTS -> lines.add(words.tooManyGuests(requested.name(), requested.maxGuests()));
            case BELOW_MINIMUM_STAY -> lines.add(words.minimumStay(requested.name(), requested.minimumStay()));
        }
        List<PropertyTools.Offer> nearby =
                sleepingTheParty(result.alternatives().nearbyDates(), known);
        // alternatives for a party of one would mislead a larger party: only the same property's dates then
        WantedFeatures wanted = WantedFeatures.of(known, catalog);
        List<PropertyTools.Offer> others = known.guests() == null
                ? List.of()
                : wanted
                        .ranked(
                                sleepingTheParty(result.alternatives().otherProperties(), known),
                                PropertyTools.Offer::propertyId)
                        .stream()
                        .limit(MOST_LINES)
                        .toList();
        if (!nearby.isEmpty()) {
            lines.add(words.nearbyDates());
            nearby.stream().limit(MOST_NEARBY).forEach(o -> lines.add(words.datedOfferLine(o)));
        }
        if (!others.isEmpty()) {
            lines.add(words.otherProperties());
            others.forEach(o -> lines.add(words.offerLine(o) + words.place().matched(wanted.of(o.propertyId()))));
        }
        if (nearby.isEmpty() && others.isEmpty()) {
            lines.add(words.tryOtherDates());
        } else if (known.guests() == null) {
            lines.add(words.howManyGuests());
        } else {
            lines.add(words.pickOne());
        }
        List<String> free = new ArrayList<>(names(others, PropertyTools.Offer::name));
        nearby.stream()
                .limit(MOST_NEARBY)
                .map(PropertyTools.Offer::name)
                .filter(n -> !free.contains(n))
                .forEach(free::add);
        return new Outcome(
                        lines.text(),
                        resolved,
                        others.stream().map(PropertyTools.Offer::name).toList())
                .withFree(free);
    }

    /** Exact dates and a party: every property that fits, or the nearest dates when none does. */
    private Outcome everyProperty(GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words) {
        return everyPropertyAnswer(
                tools.search(known.checkIn(), known.checkOut(), known.guests(), null), known, catalog, words);
    }

    private Outcome everyPropertyAnswer(
            PropertyTools.Availability result,
            GuestContext known,
            List<PropertyTools.PropertySummary> catalog,
            Wording words) {
        AnswerLines lines = new AnswerLines();
        List<PropertyTools.Offer> available = sleepingTheParty(result.available(), known);
        if (!available.isEmpty()) {
            WantedFeatures wanted = WantedFeatures.of(known, catalog);
            List<PropertyTools.Offer> shown = wanted.ranked(available, PropertyTools.Offer::propertyId).stream()
                    .limit(MOST_LINES)
                    .toList();
            lines.add(words.freeFor(result.checkIn(), result.checkOut(), result.nights(), result.guests()));
            if (!wanted.none()) {
                lines.add(
                        wanted.anyIn(names(shown, PropertyTools.Offer::propertyId))
                                ? words.place().bestMatchesFirst(wanted.wanted())
                                : words.place().noneOfTheFreeMatch(wanted.wanted()));
            }
            shown.forEach(o -> lines.add(words.offerLine(o) + words.place().matched(wanted.of(o.propertyId()))));
            int more = result.totalAvailable() - (result.available().size() - available.size()) - shown.size();
            if (more > 0) {
                lines.add(words.more(more));
            }
            return new Outcome(lines.add(words.pickOne()).text(), known, names(shown, PropertyTools.Offer::name))
                    .withFree(names(shown, PropertyTools.Offer::name));
        }
        lines.add(words.nothingFree(result.checkIn(), result.checkOut(), result.guests()));
        List<PropertyTools.Offer> nearby =
                sleepingTheParty(result.alternatives().nearbyDates(), known);
        if (nearby.isEmpty()) {
            lines.add(words.tryOtherDates());
        } else {
            lines.add(words.nearbyDates());
            nearby.stream().limit(MOST_LINES).forEach(o -> lines.add(words.datedOfferLine(o)));
            lines.add(words.pickOne());
        }
        return new Outcome(lines.text(), known)
                .withFree(nearby.stream()
                        .limit(MOST_LINES)
                        .map(PropertyTools.Offer::name)
                        .distinct()
                        .toList());
    }

    /** Whether a property sleeping {@code maxGuests} takes the party (any party, while it is unknown). */
    static boolean sleeps(int maxGuests, GuestContext known) {
        return known.guests() == null || maxGuests >= known.guests();
    }

    /** The offers of properties that sleep the party: the tools say so too, and no other is ever offered. */
    static List<PropertyTools.Offer> sleepingTheParty(List<PropertyTools.Offer> offers, GuestContext known) {
        return offers.stream().filter(o -> sleeps(o.maxGuests(), known)).toList();
    }

    static List<String> names(List<PropertyTools.PropertySummary> properties) {
        return properties.stream().map(PropertyTools.PropertySummary::name).toList();
    }

    static <T> List<String> names(List<T> items, java.util.function.Function<T, String> name) {
        return items.stream().map(name).toList();
    }

    /** A question the tools would not answer as asked, turned into a question to the guest. */
    Outcome refusal(
            ToolRefusedException refused,
            GuestContext known,
            List<PropertyTools.PropertySummary> catalog,
            Wording words) {
        return refusals.answer(refused, known, catalog, words);
    }
}
