package org.holidaydesk.assistant.agent.offline.reading;

import org.holidaydesk.assistant.agent.language.PlainText;
import java.util.Map;

/**
 * Numbers as guests write them, in digits or in words from one to twelve, in English and Romanian without
 * diacritics (as {@link PlainText} has them), Romanian's gendered forms included: "un"/"o"/"unu"/"una",
 * "doi"/"doua", "doisprezece"/"douasprezece", and the spoken "unspe", "doispe", "douaspe". The articles
 * "a", "an", "un", "o" are one, but only where a noun follows ("a child", "o noapte").
 */
final class NumberWords {

    private static final Map<String, Integer> VALUES = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("o", 1), Map.entry("un", 1), Map.entry("unu", 1), Map.entry("una", 1),
            Map.entry("two", 2), Map.entry("doi", 2), Map.entry("doua", 2),
            Map.entry("three", 3), Map.entry("trei", 3),
            Map.entry("four", 4), Map.entry("patru", 4),
            Map.entry("five", 5), Map.entry("cinci", 5),
            Map.entry("six", 6), Map.entry("sase", 6),
            Map.entry("seven", 7), Map.entry("sapte", 7),
            Map.entry("eight", 8), Map.entry("opt", 8),
            Map.entry("nine", 9), Map.entry("noua", 9),
            Map.entry("ten", 10), Map.entry("zece", 10),
            Map.entry("eleven", 11), Map.entry("unsprezece", 11), Map.entry("unspe", 11),
            Map.entry("twelve", 12), Map.entry("doisprezece", 12), Map.entry("douasprezece", 12),
            Map.entry("doispe", 12), Map.entry("douaspe", 12));

    private static final String WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|unu|una|doi|doua|trei|patru|cinci|sase|sapte|opt|noua|zece|unsprezece|unspe|doisprezece|douasprezece"
            + "|doispe|douaspe";

    /** A number in digits or words, as one regular-expression group. */
    static final String NUMBER = "(\\d{1,2}|" + WORDS + ")";
    /** {@link #NUMBER} or an article meaning one, as one group; only for use right before a noun. */
    static final String NUMBER_OR_ARTICLE = "(\\d{1,2}|a|an|o|un|" + WORDS + ")";

    private NumberWords() {
    }

    /** The value of what {@link #NUMBER} or {@link #NUMBER_OR_ARTICLE} matched. */
    static int value(String word) {
        Integer value = VALUES.get(word);
        return value != null ? value : Integer.parseInt(word);
    }
}
