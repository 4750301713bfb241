package org.holidaydesk.assistant.agent.offline.reading;

import java.util.List;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.Language;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.PlainText;

/**
 * Something a guest may want of a place, matched against the catalog's tags (romantic, family,
 * pet-friendly, mountains, ...) or amenities (parking, wifi, pool, ...): what their words say, which
 * catalog terms mean it, and how to name it in English and Romanian.
 *
 * @param term         the canonical name, as remembered between turns
 * @param kind         whether properties have it as a tag or as an amenity
 * @param words        the guest's words for it, on {@link PlainText}; null for a catalog term taken literally
 * @param catalogTerms the catalog tags or amenities that mean it, compared without case, diacritics or hyphens
 * @param english      how to name it in an English sentence: "romantic", "mountain" (a place); "a pool", "parking"
 * @param romanian     the same in Romanian: "romantice", "de munte" (places); "piscină", "parcare"
 * @param englishMark  a short label beside a property: "romantic", "pool"
 * @param romanianMark the same in Romanian: "romantic", "piscină"
 */
public record Feature(
        String term,
        Kind kind,
        Pattern words,
        List<String> catalogTerms,
        String english,
        String romanian,
        String englishMark,
        String romanianMark) {

    public enum Kind {
        TAG,
        AMENITY
    }

    public static final String PETS = "pet-friendly";

    public Feature {
        catalogTerms = catalogTerms.stream().map(Feature::plain).toList();
    }

    /** A catalog tag or amenity the vocabulary does not know, taken as written. */
    static Feature literal(String term, Kind kind) {
        return new Feature(plain(term), kind, null, List.of(plain(term)), term, term, term, term);
    }

    /** Whether a property with these tags and amenities has it. */
    public boolean in(List<String> tags, List<String> amenities) {
        return (tags != null && tags.stream().anyMatch(this::means))
                || (amenities != null && amenities.stream().anyMatch(this::means));
    }

    /** Whether a catalog tag or amenity means this: the same words, or containing them ("boat trips" for boat). */
    boolean means(String catalogTerm) {
        String padded = " " + plain(catalogTerm) + " ";
        return catalogTerms.stream().anyMatch(term -> padded.contains(" " + term + " "));
    }

    String name(boolean inRomanian) {
        return inRomanian ? romanian : english;
    }

    public String mark(boolean inRomanian) {
        return inRomanian ? romanianMark : englishMark;
    }

    /** Its name in a sentence of that language: the language file's ({@code features.<term>.name}), else English. */
    public String name(Language language) {
        String named = language.text("features." + term + ".name");
        return named != null ? named : name(LanguageGuess.ROMANIAN.equals(language.code()));
    }

    /** Its short label in that language: the language file's ({@code features.<term>.mark}), else English. */
    public String mark(Language language) {
        String marked = language.text("features." + term + ".mark");
        return marked != null ? marked : mark(LanguageGuess.ROMANIAN.equals(language.code()));
    }

    /** Lowercase, without diacritics, hyphens as spaces: "Pet-Friendly" reads "pet friendly". */
    static String plain(String term) {
        return PlainText.of(term)
                .value()
                .replace('-', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }
}
