package org.holidaydesk.assistant.agent.offline.reading;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;

/**
 * What a guest may ask that the business's house guide answers: check-in and check-out times, breakfast,
 * cancellation, deposit and payment, how to get there, parking, pets, house rules, what is included, the
 * nearest shop, the host's languages. Each is read by the word lists of every language file
 * ({@code reading.guide.<key>}), and {@link #key} is the name the guide tool gives the fact.
 */
public enum GuideTopic {
    CHECK_IN("checkIn", "topicCheckIn"),
    CHECK_OUT("checkOut", "topicCheckOut"),
    BREAKFAST("breakfast", "topicBreakfast"),
    CANCELLATION("cancellation", "topicCancellation"),
    PAYMENT("payment", "topicPayment"),
    DIRECTIONS("directions", "topicDirections"),
    PARKING("parking", "topicParking"),
    PETS("pets", "topicPets"),
    HOUSE_RULES("houseRules", "topicHouseRules"),
    INCLUDED("included", "topicIncluded"),
    NEARBY("nearby", "topicNearby"),
    LANGUAGES("languages", "topicLanguages");

    private final String key;
    private final String label;
    private final Pattern words;

    GuideTopic(String key, String label) {
        this.key = key;
        this.label = label;
        this.words = Pattern.compile("\\b(?:" + Languages.all().alternatives("reading.guide." + key) + ")(?![\\p{L}])");
    }

    /** The fact's key in the guide tool's answer. */
    public String key() {
        return key;
    }

    /** The reply key of its name in a sentence ("check-in", "micul dejun", "Frühstück"). */
    public String label() {
        return label;
    }

    /** Whether the catalog says something of it too (a tag or amenity), so that it has an answer without a guide. */
    public boolean alsoInCatalog() {
        return this == PARKING || this == PETS;
    }

    static Set<GuideTopic> askedIn(PlainText text) {
        Set<GuideTopic> asked = EnumSet.noneOf(GuideTopic.class);
        for (GuideTopic topic : values()) {
            if (text.contains(topic.words)) {
                asked.add(topic);
            }
        }
        return asked;
    }
}
