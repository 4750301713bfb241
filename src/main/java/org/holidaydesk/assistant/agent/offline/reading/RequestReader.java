package org.holidaydesk.assistant.agent.offline.reading;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * Reads one turn's words into a {@link GuestRequest}: greeting, dates, party size, the property named,
 * what is asked about it, what the guest wants of a place, and the language. Wishes and the language
 * are read from the words around the property's name, so that "Casa de pe Lac" asks for no lake and
 * "Casa Pescarului" is no Romanian.
 */
public final class RequestReader {

    private static final Languages WORDS = Languages.all();
    private static final Pattern GREETING = Pattern.compile("^\\W*(?:" + WORDS.alternatives("reading.greeting") + ")\\b"
            + "|\\b(?:" + WORDS.alternatives("reading.greetingAnywhere") + ")\\b");
    private static final Pattern THANKS = Pattern.compile("\\b(?:" + WORDS.alternatives("reading.thanks") + ")\\b");
    private static final Pattern ANY_PROPERTY =
            Pattern.compile("\\b(?:" + WORDS.alternatives("reading.anyProperty") + ")\\b");
    /** A new search over every property: "looking for a place", "caut cazare", "ich suche eine Unterkunft". */
    private static final Pattern GENERAL_SEARCH =
            Pattern.compile("\\b(?:" + WORDS.alternatives("reading.generalSearch") + ")\\b");
    /** The guest asks whether something is free, or to book; "free wifi" asks about wifi. */
    private static final Pattern AVAILABILITY =
            Pattern.compile("\\b(?:" + WORDS.alternatives("reading.availability") + ")\\b");

    private RequestReader() {}

    /**
     * @param catalog          the properties, whose names the guest may write and whose tags and amenities they may ask for
     * @param fallbackLanguage the language when the words show none
     */
    public static GuestRequest read(
            String text, LocalDate today, List<PropertyTools.PropertySummary> catalog, String fallbackLanguage) {
        PlainText plain = PlainText.of(text);
        DateReader.Dates dates = DateReader.read(plain, today);
        PropertyMentions.Mention mention = PropertyMentions.find(
                text, catalog.stream().map(PropertyTools.PropertySummary::name).toList());
        String besideTheName = mention == null ? text : mention.besides(text);
        PlainText around = PlainText.of(besideTheName);
        boolean generalSearch = plain.contains(GENERAL_SEARCH);
        return new GuestRequest(
                plain.contains(GREETING),
                plain.contains(THANKS),
                dates.checkIn(),
                dates.checkOut(),
                dates.month(),
                dates.nights(),
                PartyReader.read(plain),
                mention == null ? null : mention.asWritten(),
                mention == null && (generalSearch || plain.contains(ANY_PROPERTY)),
                Fact.askedIn(around),
                Features.askedIn(around, catalog),
                around.contains(AVAILABILITY) || generalSearch,
                LanguageGuess.of(besideTheName, fallbackLanguage),
                GuideTopic.askedIn(around),
                around.value(),
                dates.days());
    }
}
