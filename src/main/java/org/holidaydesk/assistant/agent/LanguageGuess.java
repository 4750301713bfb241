package org.holidaydesk.assistant.agent;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses whether a guest writes Romanian or English, the two languages the assistant answers in.
 * Romanian diacritics decide at once; otherwise common Romanian words outvote English ones.
 */
public final class LanguageGuess {

    public static final String ENGLISH = "en";
    public static final String ROMANIAN = "ro";

    private static final Pattern ROMANIAN_LETTERS = Pattern.compile("[ăâîșşțţĂÂÎȘŞȚŢ]");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");
    private static final Set<String> ROMANIAN_WORDS = Set.of(
            "buna", "salut", "ziua", "seara", "va", "vă", "rog", "multumesc", "mersi", "doresc", "vreau", "aveti",
            "aveți", "camera", "cazare", "liber", "libera", "disponibil", "disponibila", "pentru", "persoane",
            "noapte", "nopti", "luna", "viitoare", "weekend", "iunie", "iulie", "august", "si", "și", "sau", "este",
            "sunt", "cat", "costa", "pret", "pretul", "rezervare", "rezerv", "la", "din", "pana", "până", "de",
            "adulti", "copii", "doua", "două", "trei", "patru", "mai", "aprilie", "septembrie", "octombrie", "ce",
            "cand", "când", "unde", "nu", "da", "am", "ne", "imi", "îmi", "putem", "puteti");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "hello", "hi", "the", "is", "are", "for", "from", "to", "available", "free", "room", "rooms", "need",
            "want", "book", "booking", "night", "nights", "people", "guests", "next", "month", "this", "weekend",
            "please", "thanks", "thank", "you", "do", "have", "any", "anything", "stay", "place", "how", "much",
            "price", "what", "when", "where", "can", "i", "we", "my", "our", "june", "july", "august", "and", "or");

    private LanguageGuess() {
    }

    /** "ro" or "en" for the text; {@code fallback} when the text gives no sign (an emoji, a date). */
    public static String of(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (ROMANIAN_LETTERS.matcher(text).find()) {
            return ROMANIAN;
        }
        int romanian = 0;
        int english = 0;
        for (String word : WORD.split(text.toLowerCase(Locale.ROOT))) {
            String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            if (ROMANIAN_WORDS.contains(word) || ROMANIAN_WORDS.contains(plain)) {
                romanian++;
            }
            if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
        }
        if (romanian == english) {
            return fallback;
        }
        return romanian > english ? ROMANIAN : ENGLISH;
    }
}
