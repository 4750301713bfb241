package org.holidaydesk.assistant.agent.offline.reading;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;

/**
 * Numbers as guests write them, in digits or in words from one to twelve, in every language file's words
 * ({@code reading.numbers}, e.g. English and Romanian) without
 * diacritics (as {@link PlainText} has them), Romanian's gendered forms included: "un"/"o"/"unu"/"una",
 * "doi"/"doua", "doisprezece"/"douasprezece", and the spoken "unspe", "doispe", "douaspe". The articles
 * "a", "an", "un", "o" are one, but only where a noun follows ("a child", "o noapte").
 */
final class NumberWords {

    private static final Map<String, Integer> VALUES = values();
    private static final List<String> ARTICLES = Languages.all().words("reading.articles");

    private static final String WORDS = VALUES.keySet().stream()
            .filter(word -> !ARTICLES.contains(word))
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|"));

    /** A number in digits or words, as one regular-expression group. */
    static final String NUMBER = "(\\d{1,2}|" + WORDS + ")";
    /** {@link #NUMBER} or an article meaning one, as one group; only for use right before a noun. */
    static final String NUMBER_OR_ARTICLE = "(\\d{1,2}|" + String.join("|", ARTICLES) + "|" + WORDS + ")";

    /** Every language file's number words ({@code reading.numbers}) and their values. */
    private static Map<String, Integer> values() {
        Map<String, Integer> values = new LinkedHashMap<>();
        Languages languages = Languages.all();
        for (String code : languages.codes()) {
            languages
                    .of(code)
                    .root()
                    .path("reading")
                    .path("numbers")
                    .fields()
                    .forEachRemaining(entry ->
                            values.putIfAbsent(entry.getKey(), entry.getValue().asInt()));
        }
        return Map.copyOf(values);
    }

    private NumberWords() {}

    /** The value of what {@link #NUMBER} or {@link #NUMBER_OR_ARTICLE} matched. */
    static int value(String word) {
        Integer value = VALUES.get(word);
        return value != null ? value : Integer.parseInt(word);
    }
}
