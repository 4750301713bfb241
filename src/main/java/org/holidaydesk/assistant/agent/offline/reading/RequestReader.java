package org.holidaydesk.assistant.agent.offline.reading;

import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one turn's words into a {@link GuestRequest}: greeting, dates, party size, the property named,
 * what is asked about it, what the guest wants of a place, and the language. Wishes and the language
 * are read from the words around the property's name, so that "Casa de pe Lac" asks for no lake and
 * "Casa Pescarului" is no Romanian.
 */
public final class RequestReader {

    private static final Pattern GREETING = Pattern.compile("^\\W*(?:hello|hi|hey|hiya|howdy|good (?:morning|afternoon|evening|day)"
            + "|greetings|buna|buna ziua|buna seara|buna dimineata|salut|salutare|salutari|servus|hei|ceau|neata|sal)\\b"
            + "|\\b(?:hello|buna ziua|buna seara|buna dimineata)\\b");
    private static final Pattern THANKS = Pattern.compile("\\b(?:thanks|thank you|thx|ty|cheers|multumesc|multumim|mersi|merci|"
            + "multumesc frumos)\\b");
    private static final Pattern ANY_PROPERTY = Pattern.compile("\\b(?:anything|any property|any place|anywhere|something|"
            + "else|other (?:property|properties|place|places|options?)|another (?:property|place|one)|ceva|altceva|orice|"
            + "alta (?:proprietate|casa|cazare|varianta)|alte (?:proprietati|case|variante|optiuni)|which (?:ones?|of them|of your"
            + "|properties|places|houses)|any of (?:them|your)|your (?:properties|places|houses)|care (?:dintre|din) |care (?:proprietati"
            + "|case|cazari|locuri)|proprietatile (?:voastre|dvs)|ce (?:proprietati|case|locuri) aveti)\\b");
    /** The guest asks whether something is free, or to book; "free wifi" asks about wifi. */
    private static final Pattern AVAILABILITY = Pattern.compile("\\b(?:free(?!\\s+(?:wifi|wi-fi|parking|internet|breakfast))"
            + "|available|availability|vacanc\\w*|book|booking|reserve|reservation|liber|libera|libere|liberi|disponibil\\w*"
            + "|rezerv\\w*|ocupat\\w*)\\b");

    private RequestReader() {
    }

    /**
     * @param catalog          the properties, whose names the guest may write and whose tags and amenities they may ask for
     * @param fallbackLanguage the language when the words show none
     */
    public static GuestRequest read(String text, LocalDate today, List<PropertyTools.PropertySummary> catalog,
                             String fallbackLanguage) {
        PlainText plain = PlainText.of(text);
        DateReader.Dates dates = DateReader.read(plain, today);
        PropertyMentions.Mention mention = PropertyMentions.find(text,
                catalog.stream().map(PropertyTools.PropertySummary::name).toList());
        String besideTheName = mention == null ? text : mention.besides(text);
        PlainText around = PlainText.of(besideTheName);
        return new GuestRequest(plain.contains(GREETING), plain.contains(THANKS), dates.checkIn(), dates.checkOut(),
                dates.month(), dates.nights(), PartyReader.read(plain), mention == null ? null : mention.asWritten(),
                mention == null && plain.contains(ANY_PROPERTY), Fact.askedIn(around), Features.askedIn(around, catalog),
                around.contains(AVAILABILITY), LanguageGuess.of(besideTheName, fallbackLanguage));
    }
}
