package org.holidaydesk.assistant.agent.language;

import org.holidaydesk.assistant.agent.GuestTurn;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses whether a guest writes Romanian or English, the two languages the assistant answers in.
 * Romanian diacritics decide at once; otherwise common Romanian words, with or without their diacritics
 * and as abbreviated on a phone, outvote English ones.
 */
public final class LanguageGuess {

    public static final String ENGLISH = "en";
    public static final String ROMANIAN = "ro";

    private static final Pattern ROMANIAN_LETTERS = Pattern.compile("[ăâîșşțţĂÂÎȘŞȚŢ]");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");
    /**
     * Romanian words as they are typed on a phone, without diacritics (the text is compared both as
     * written and without them), and the abbreviations people use: "pt", "pers", "nopti", "buna", "mersi".
     * No word of a property name is here: the offline agent guesses from the words around a name.
     */
    private static final Set<String> ROMANIAN_WORDS = Set.of(
            "buna", "salut", "salutare", "servus", "ceau", "neata", "ziua", "seara", "dimineata", "va", "rog", "vrog",
            "multumesc", "multumim", "mersi", "mersii", "mss", "doresc", "dorim", "vreau", "vrem", "vrea", "as", "am",
            "ai", "are", "avem", "aveti", "aveți", "ati", "ar", "fi", "sa", "sunt", "suntem", "este", "e", "nu",
            "da", "si", "și", "sau", "dar", "daca", "cu", "fara", "pe", "la", "din", "de", "pana", "până", "pentru", "pt",
            "ptr", "pers", "persoana", "persoane", "adulti", "adult", "copii", "copil", "bebe", "cazare", "camera",
            "camere", "liber", "libera", "libere", "liberi", "ocupat", "ocupata", "disponibil", "disponibila",
            "noapte", "noaptea", "nopti", "zi", "zile", "saptamana", "saptamani", "weekendul", "luna", "viitoare",
            "viitor", "urmatoare", "maine", "poimaine", "azi", "astazi", "acum", "inca", "mai", "doar", "tot", "toata",
            "ianuarie", "februarie", "martie", "aprilie", "iunie", "iulie", "septembrie", "octombrie", "noiembrie",
            "decembrie", "cat", "cate", "cati", "costa", "pret", "pretul", "preturi", "tarif", "rezervare", "rezerv",
            "rezervam", "caut", "cautam", "ceva", "altceva", "orice", "ce", "cand", "când", "unde", "cum", "care",
            "cine", "aici", "acolo", "ne", "imi", "îmi", "iti", "noi", "eu", "voi", "meu", "mea", "nostru", "noastra",
            "putem", "puteti", "pot", "poate", "se", "un", "o", "doi", "doua", "două", "trei", "patru", "cinci", "sase",
            "sapte", "opt", "zece", "parcare", "animale", "caine", "catel", "pisica", "piscina", "munte", "plaja",
            "frumos", "bine", "vă", "sotia", "sotul", "prieteni", "familie", "cuplu", "spune", "spuneti",
            "despre", "mi", "ma", "te", "dvs", "dumneavoastra", "exista", "merge", "vine", "venim", "vin", "sejur",
            "minim", "dotari", "poze", "adresa", "locatia", "aproape", "departe", "mare", "mica", "mic", "ciubar");
    /** English words and the shorthand of English phone typing ("pls", "thx", "ppl", "wknd"). */
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "hello", "hi", "hey", "the", "is", "are", "for", "from", "to", "available", "availability", "free", "room",
            "rooms", "need", "want", "book", "booking", "night", "nights", "people", "guests", "next", "month", "this",
            "please", "pls", "plz", "thanks", "thank", "thx", "you", "u", "do", "does", "have", "has", "any", "anything",
            "something", "stay", "place", "how", "much", "many", "price", "what", "when", "where", "which", "can",
            "could", "would", "will", "i", "im", "we", "were", "my", "our", "us", "me", "june", "july", "and", "or",
            "with", "there", "it", "its", "of", "on", "at", "by", "be", "tomorrow", "today", "tonight", "week",
            "weeks", "days", "adults", "kids", "children", "child", "baby", "couple", "family", "friends", "wife",
            "husband", "bring", "dog", "dogs", "pets", "parking", "exactly", "ppl", "wknd", "avail", "per", "cost",
            "yes", "great", "good", "morning", "evening", "about", "tell", "allowed", "wifi");

    private LanguageGuess() {
    }

    /** The language of a turn: its words', else the guest's earlier language, else English. */
    public static String of(GuestTurn turn) {
        return of(turn.text(), hint(turn));
    }

    /** The language the guest wrote in before this turn, English when none is known. */
    public static String hint(GuestTurn turn) {
        return turn.languageHint() == null ? ENGLISH : turn.languageHint();
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
