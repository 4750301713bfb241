package org.holidaydesk.assistant.agent.language;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.GuestTurn;

/**
 * Guesses the language a guest writes, among those the offline agent has a file for ({@link Languages}): a
 * letter only one language uses (ă, ș, ț for Romanian; ä, ö, ü, ß for German) decides at once; otherwise the
 * language with the most of its common words (with or without diacritics, as abbreviated on a phone) wins, and
 * a tie keeps the language the guest wrote before.
 */
public final class LanguageGuess {

    public static final String ENGLISH = "en";
    public static final String ROMANIAN = "ro";

    public static final String GERMAN = "de";

    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private LanguageGuess() {}

    /** The language of a turn: its words', else the guest's earlier language, else English. */
    public static String of(GuestTurn turn) {
        return of(turn.text(), hint(turn));
    }

    /** The language the guest wrote in before this turn, English when none is known. */
    public static String hint(GuestTurn turn) {
        return turn.languageHint() == null ? ENGLISH : turn.languageHint();
    }

    /** The language code for the text; {@code fallback} when the text gives no sign (an emoji, a date). */
    public static String of(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Languages languages = Languages.all();
        for (String code : languages.codes()) {
            Language language = languages.of(code);
            if (language.letters() != null && language.letters().matcher(text).find()) {
                return code;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : WORD.split(text.toLowerCase(Locale.ROOT))) {
            String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            for (String code : languages.codes()) {
                if (languages.of(code).words().contains(plain)) {
                    counts.merge(code, 1, Integer::sum);
                }
            }
        }
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> leading = counts.entrySet().stream()
                .filter(e -> e.getValue() == most)
                .map(Map.Entry::getKey)
                .toList();
        if (most == 0 || leading.size() > 1) {
            return fallback;
        }
        return leading.get(0);
    }
}
