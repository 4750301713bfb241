package org.holidaydesk.assistant.agent.offline.reading;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * What one turn's words ask for. Every part may be missing; what is missing may be known from the
 * guest's earlier messages ({@code GuestContext}).
 *
 * @param greeting     the guest says hello
 * @param thanks       the guest says thank you
 * @param checkIn      arrival day
 * @param checkOut     departure day
 * @param month        a whole month asked about, when there is no arrival day
 * @param nights       a length of stay
 * @param guests       how many will stay
 * @param property     a property as the guest wrote it, for the tools to resolve
 * @param anyProperty  the guest asks about any property ("anything free?", "altceva?", "which ones"), not the one asked before
 * @param facts        what the guest asks about a property itself: price, location, capacity, ...
 * @param features     what the guest wants of a place: romantic, pet-friendly, parking, ...
 * @param availability the guest asks whether something is free, or to book
 * @param language     the language the guest writes in ("en", "ro", "de", ...)
 * @param guideTopics  what the guest asks that a house guide answers: check-in, breakfast, cancellation, ...
 * @param plainWords   the guest's words as {@code PlainText} reads them, for the guide's free questions
 * @param days         days without a month ("the 20th to the 23rd"), for the conversation's month; null otherwise
 */
public record GuestRequest(
        boolean greeting,
        boolean thanks,
        LocalDate checkIn,
        LocalDate checkOut,
        YearMonth month,
        Integer nights,
        Integer guests,
        String property,
        boolean anyProperty,
        Set<Fact> facts,
        List<Feature> features,
        boolean availability,
        String language,
        Set<GuideTopic> guideTopics,
        String plainWords,
        DayRange days) {

    public GuestRequest {
        facts = Set.copyOf(facts);
        features = List.copyOf(features);
        guideTopics = guideTopics == null || guideTopics.isEmpty() ? Set.of() : Set.copyOf(guideTopics);
    }

    /** Asks something of the house guide. */
    public boolean asksTheGuide() {
        return !guideTopics.isEmpty();
    }

    /** Nothing about a stay or a place: no dates, party, property, question or wish. */
    public boolean asksNothing() {
        return checkIn == null
                && checkOut == null
                && month == null
                && nights == null
                && days == null
                && guests == null
                && property == null
                && facts.isEmpty()
                && features.isEmpty()
                && guideTopics.isEmpty();
    }

    /** The words say when: dates, a month or a length of stay. */
    public boolean saysWhen() {
        return checkIn != null || month != null || nights != null || days != null;
    }

    /** The features' terms, as a {@code GuestContext} remembers them. */
    public List<String> featureTerms() {
        return features.stream().map(Feature::term).toList();
    }
}
