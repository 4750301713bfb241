package org.holidaydesk.assistant.agent.language;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One language's file: its code, the letters and words that tell it, its word lists and its reply texts. A
 * reply is a template with named placeholders ({@code "*{name}* sleeps at most {guests}."}); a count is written
 * by its {@code one}, {@code few} and {@code many} forms ({@code few} for 2 to 19 after the hundreds, as Romanian
 * needs: "5 nopți", "20 de nopți").
 */
public record Language(String code, Locale locale, Pattern letters, Set<String> words, JsonNode root) {

    static Language of(JsonNode root, String file) {
        String code = root.path("code").asText(null);
        if (code == null || !code.matches("[a-z]{2}")) {
            throw new IllegalStateException("language/" + file + " needs code: with a two-letter language code");
        }
        String letters = root.path("letters").asText("");
        Set<String> words = new java.util.HashSet<>();
        root.path("words").forEach(word -> words.add(PlainText.word(word.asText())));
        return new Language(
                code,
                Locale.forLanguageTag(code),
                letters.isBlank() ? null : Pattern.compile("[" + letters + "]"),
                Set.copyOf(words),
                root);
    }

    /** The entries of a word list, e.g. {@code reading.guide.checkIn}; empty when the file has none. */
    public List<String> words(String path) {
        List<String> list = new ArrayList<>();
        JsonNode node = Languages.at(root, path);
        if (node.isArray()) {
            node.forEach(entry -> list.add(entry.asText()));
        } else if (node.isTextual()) {
            list.add(node.asText());
        }
        return list;
    }

    /** A text of the file, e.g. {@code format.dayMonth}; null when absent. */
    public String text(String path) {
        JsonNode node = Languages.at(root, path);
        return node.isTextual() ? node.asText() : null;
    }

    /**
     * The reply {@code key} with its placeholders filled: {@code reply("tooManyGuests", "name", "Cabana Bradul",
     * "guests", "2 guests")}. A key this language lacks is taken from English.
     */
    public String reply(String key, Object... values) {
        String template = text("replies." + key);
        if (template == null) {
            template = Languages.all().of(LanguageGuess.ENGLISH).text("replies." + key);
        }
        if (template == null) {
            throw new IllegalArgumentException("No reply text " + key + " in language/en.yaml");
        }
        return fill(template, values);
    }

    /** The count in words: "1 night", "3 nights", "20 de nopți"; {@code noun} names its forms under {@code counts}. */
    public String count(int n, String noun) {
        JsonNode forms = Languages.at(root, "counts." + noun);
        if (forms.isMissingNode()) {
            forms = Languages.at(Languages.all().of(LanguageGuess.ENGLISH).root(), "counts." + noun);
        }
        int lastTwo = n % 100;
        String form = n == 1 ? "one" : lastTwo >= 1 && lastTwo <= 19 && forms.has("few") ? "few" : "many";
        return fill(forms.path(form).asText(forms.path("many").asText()), "n", n);
    }

    static String fill(String template, Object... values) {
        String text = template;
        for (int i = 0; i + 1 < values.length; i += 2) {
            text = text.replace("{" + values[i] + "}", String.valueOf(values[i + 1]));
        }
        return text;
    }

    /** All reply keys of this file. */
    public Set<String> replyKeys() {
        Set<String> keys = new java.util.TreeSet<>();
        root.path("replies").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Override
    public String toString() {
        return code;
    }

    /** For tests and messages: the file's word lists under {@code reading}, by path. */
    public Map<String, List<String>> readingLists() {
        Map<String, List<String>> lists = new java.util.TreeMap<>();
        collect(root.path("reading"), "reading", lists);
        return lists;
    }

    private static void collect(JsonNode node, String path, Map<String, List<String>> into) {
        if (node.isArray()) {
            into.put(
                    path,
                    java.util.stream.StreamSupport.stream(node.spliterator(), false)
                            .map(JsonNode::asText)
                            .collect(Collectors.toList()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "." + e.getKey(), into));
        }
    }
}
