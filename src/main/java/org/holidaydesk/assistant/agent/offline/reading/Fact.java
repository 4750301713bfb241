package org.holidaydesk.assistant.agent.offline.reading;

import org.holidaydesk.assistant.agent.language.PlainText;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a guest may ask about a property rather than about its free dates, in English and Romanian:
 * "how much per night", "where is it exactly", "how many does it sleep", "minimum stay", "tell me about
 * it", "what amenities". Whether it has parking, wifi or takes pets is a {@link Feature}.
 */
public enum Fact {

    PRICE("how much|prices?|pricing|costs?|rates?|per night|nightly|tariff|cat costa|cat ar costa|cat e pretul|costa"
            + "|costul|pretul|pret|preturi|preturile|tarif|tariful|tarife|pe noapte"),
    LOCATION("where|located|location|address|situated|how far|far from|distance|directions|get there"
            + "|how (?:do|can) (?:i|we) get|unde|adresa|locatia|locatie|localizare|situat|situata|cat de departe"
            + "|la ce distanta|distanta|cum ajung|cum ajungem"),
    CAPACITY("how many (?:people|guests|persons|of us|beds|rooms|bedrooms)|how big|sleeps?|capacity|fit"
            + "|max(?:imum)? (?:guests|people|persons|occupancy)|bedrooms?|cate persoane|cati oameni|capacitate\\w*"
            + "|incap|incape|incapem|dormitoare|dormitor|cate camere|cate paturi|cat de mare"),
    MINIMUM_STAY("minimum (?:stay|nights?|booking|of nights)|min(?:imum)? stay|min nights|shortest stay"
            + "|how many nights (?:minimum|at least|min)|sejur minim|sejurul minim|minim(?:um)? (?:de )?(?:nopti|o noapte|zile)"
            + "|cate nopti minim|numar minim de nopti|minimul de nopti"),
    DESCRIPTION("tell me (?:more )?about|more about|describe|description|details|what is it like|whats it like"
            + "|info(?:rmation)? (?:about|on)|photos?|pictures?|spune(?:ti)?-mi (?:mai multe )?despre|detalii"
            + "|descriere|mai multe (?:detalii|informatii)|informatii despre|cum arata|poze|fotografii"),
    AMENITIES("amenities|facilities|features|equipment|what (?:does it|do they) (?:have|offer)|whats included"
            + "|dotari|dotarile|facilitati|facilitatile|ce (?:are|ofera|include)|ce dotari");

    private final Pattern words;

    Fact(String words) {
        this.words = Pattern.compile("\\b(?:" + words + ")\\b");
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
