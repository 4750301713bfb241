package org.holidaydesk.assistant.agent.offline.reading;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;

/**
 * What a guest may ask about a property rather than about its free dates, in every language file's words
 * ({@code reading.facts}):
 * "how much per night", "where is it exactly", "how many does it sleep", "minimum stay", "tell me about
 * it", "what amenities". Whether it has parking, wifi or takes pets is a {@link Feature}.
 */
public enum Fact {
    PRICE,
    LOCATION,
    CAPACITY,
    MINIMUM_STAY,
    DESCRIPTION,
    AMENITIES;

    private final Pattern words;

    Fact() {
        this.words = Pattern.compile("\\b(?:" + Languages.all().alternatives("reading.facts." + name()) + ")\\b");
    }

    /** The facts the words ask about; empty when none. */
    static Set<Fact> askedIn(PlainText text) {
        Set<Fact> asked = EnumSet.noneOf(Fact.class);
        for (Fact fact : values()) {
            if (text.contains(fact.words)) {
                asked.add(fact);
            }
        }
        return asked;
    }
}
