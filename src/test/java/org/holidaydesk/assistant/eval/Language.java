package org.holidaydesk.assistant.eval;

import java.util.Map;
import java.util.Set;

/**
 * Which of English, Romanian and German a reply is written in, by its most frequent function words (names,
 * links and prices taken out first). Answers {@code "?"} when too few words decide it.
 */
final class Language {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en",
                    Set.of(
                            "the",
                            "is",
                            "are",
                            "for",
                            "and",
                            "to",
                            "you",
                            "your",
                            "from",
                            "free",
                            "night",
                            "nights",
                            "guests",
                            "we",
                            "with",
                            "which",
                            "would",
                            "like",
                            "i",
                            "it",
                            "of",
                            "can",
                            "please",
                            "when",
                            "how",
                            "many",
                            "booked",
                            "available",
                            "send",
                            "link",
                            "sorry",
                            "our",
                            "will",
                            "what",
                            "person",
                            "dates"),
            "ro",
                    Set.of(
                            "si",
                            "pentru",
                            "este",
                            "sunt",
                            "la",
                            "nopti",
                            "noapte",
                            "libera",
                            "libere",
                            "liber",
                            "oaspeti",
                            "va",
                            "cu",
                            "din",
                            "pe",
                            "care",
                            "vreti",
                            "doriti",
                            "puteti",
                            "cand",
                            "cati",
                            "cate",
                            "persoane",
                            "trimit",
                            "rezervare",
                            "ne",
                            "nu",
                            "mai",
                            "sau",
                            "multumim",
                            "o",
                            "un",
                            "al",
                            "ce"),
            "de",
                    Set.of(
                            "der",
                            "die",
                            "das",
                            "und",
                            "ist",
                            "fur",
                            "frei",
                            "nachte",
                            "gaste",
                            "sie",
                            "mit",
                            "vom",
                            "bis",
                            "nicht",
                            "zu",
                            "ein",
                            "eine",
                            "wir",
                            "ihr",
                            "ihre",
                            "gerne",
                            "wann",
                            "wie",
                            "viele",
                            "personen",
                            "buchung",
                            "unterkunft",
                            "uns",
                            "auf",
                            "im",
                            "den",
                            "dem",
                            "es",
                            "ich"));

    private Language() {}

    static String guess(String text) {
        String plain = Dates.plain(text).replaceAll("https?://\\S+", " ");
        Map<String, Integer> score = new java.util.HashMap<>();
        for (String word : plain.split("[^a-z]+")) {
            for (Map.Entry<String, Set<String>> language : WORDS.entrySet()) {
                if (language.getValue().contains(word)) {
                    score.merge(language.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = "?";
        int top = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return top >= 3 && top > second ? best : "?";
    }
}
