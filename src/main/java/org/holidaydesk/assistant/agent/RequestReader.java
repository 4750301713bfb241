package org.holidaydesk.assistant.agent;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** Reads one turn's words into a {@link GuestRequest}: greeting, dates, party size and property. */
final class RequestReader {

    private static final Pattern GREETING = Pattern.compile("^\\W*(?:hello|hi|hey|hiya|howdy|good (?:morning|afternoon|evening|day)"
            + "|greetings|buna|buna ziua|buna seara|buna dimineata|salut|salutare|salutari|servus|hei|ceau|neata|sal)\\b"
            + "|\\b(?:hello|buna ziua|buna seara|buna dimineata)\\b");
    private static final Pattern THANKS = Pattern.compile("\\b(?:thanks|thank you|thx|ty|cheers|multumesc|multumim|mersi|merci|"
            + "multumesc frumos)\\b");
    private static final Pattern ANY_PROPERTY = Pattern.compile("\\b(?:anything|any property|any place|anywhere|something|"
            + "else|other (?:property|properties|place|places|options?)|another (?:property|place|one)|ceva|altceva|orice|"
            + "alta (?:proprietate|casa|cazare|varianta)|alte (?:proprietati|case|variante|optiuni))\\b");

    private RequestReader() {
    }

    static GuestRequest read(String text, LocalDate today, List<String> propertyNames) {
        PlainText plain = PlainText.of(text);
        DateReader.Dates dates = DateReader.read(plain, today);
        PropertyMentions.Mention mention = PropertyMentions.find(text, propertyNames);
        return new GuestRequest(plain.contains(GREETING), plain.contains(THANKS), dates.checkIn(), dates.checkOut(),
                dates.month(), dates.nights(), PartyReader.read(plain), mention == null ? null : mention.asWritten(),
                mention == null && plain.contains(ANY_PROPERTY));
    }
}
