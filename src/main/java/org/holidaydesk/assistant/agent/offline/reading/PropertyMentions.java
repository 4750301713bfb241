package org.holidaydesk.assistant.agent.offline.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.spelling.EditDistance;

/**
 * Finds where a guest names a property, so that the words can be handed to the tools, which resolve
 * names, aliases and misspellings themselves. A stretch of the guest's words is a mention when it is
 * close to a catalog name ("Casa Pescariului"), or is a word only one name has ("Pescarului"), or looks
 * like a property's name the catalog may know by another ("Vila Marea Neagră" after "Vila", "Casa",
 * ...): the tools then say whether they know it.
 */
final class PropertyMentions {

    /** Words many property names start with; alone they name nothing. */
    private static final Set<String> GENERIC = Set.of(
            "casa",
            "vila",
            "villa",
            "cabana",
            "conacul",
            "conac",
            "pensiunea",
            "hotel",
            "hotelul",
            "house",
            "the",
            "apartament",
            "apartamentul",
            "studio",
            "de",
            "la",
            "din",
            "lake",
            "sea");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A property-like name: one of the usual first words, then a capitalised word or two. */
    private static final Pattern LOOKS_LIKE_A_NAME = Pattern.compile(
            "\\b(?:Casa|Vila|Villa|Cabana|Conacul|Pensiunea|Hotel|Hotelul)\\s+\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?");

    /**
     * @param asWritten the guest's words, to give to the tools
     * @param name      the catalog name they are closest to, or null when they look like a name the catalog lacks
     * @param start     where the words start in the text
     * @param end       where they end
     */
    record Mention(String asWritten, String name, int start, int end) {

        /** The text with the mention blanked out: the guest's other words. */
        String besides(String text) {
            return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
        }
    }

    private record Token(String original, String plain, int start, int end) {}

    private PropertyMentions() {}

    /** The first property the text names, or null. */
    static Mention find(String text, List<String> catalogNames) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Token> tokens = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            tokens.add(new Token(words.group(), PlainText.word(words.group()), words.start(), words.end()));
        }
        Map<String, Integer> wordOwners = new HashMap<>();
        for (String name : catalogNames) {
            for (String word : Set.copyOf(plainWords(name))) {
                wordOwners.merge(word, 1, Integer::sum);
            }
        }
        Mention best = null;
        int bestScore = Integer.MAX_VALUE;
        int bestStart = Integer.MAX_VALUE;
        for (String name : catalogNames) {
            List<String> nameWords = plainWords(name);
            if (nameWords.isEmpty()) {
                continue;
            }
            String wanted = String.join(" ", nameWords);
            int allowed = Math.max(1, wanted.length() / 4);
            for (int start = 0; start + nameWords.size() <= tokens.size(); start++) {
                List<Token> window = tokens.subList(start, start + nameWords.size());
                int distance = EditDistance.within(
                        String.join(" ", window.stream().map(Token::plain).toList()), wanted, allowed);
                if (distance <= allowed && better(distance, start, bestScore, bestStart)) {
                    best = new Mention(
                            joined(window),
                            name,
                            window.get(0).start(),
                            window.get(window.size() - 1).end());
                    bestScore = distance;
                    bestStart = start;
                }
            }
            for (String word : nameWords) {
                if (word.length() < 5 || GENERIC.contains(word) || wordOwners.getOrDefault(word, 0) > 1) {
                    continue;
                }
                // a single word is easily an ordinary one ("viitor" is one letter from "viilor"): exact, or one typo in
                // a long word
                int allowedTypos = word.length() >= 8 ? 1 : 0;
                for (int start = 0; start < tokens.size(); start++) {
                    int distance = EditDistance.within(tokens.get(start).plain(), word, allowedTypos);
                    if (distance <= allowedTypos && better(distance + 1, start, bestScore, bestStart)) {
                        Token token = tokens.get(start);
                        best = new Mention(token.original(), name, token.start(), token.end());
                        bestScore = distance + 1;
                        bestStart = start;
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        Matcher nameLike = LOOKS_LIKE_A_NAME.matcher(text);
        return nameLike.find() ? new Mention(nameLike.group(), null, nameLike.start(), nameLike.end()) : null;
    }

    private static boolean better(int score, int start, int bestScore, int bestStart) {
        return score < bestScore || (score == bestScore && start < bestStart);
    }

    private static List<String> plainWords(String name) {
        List<String> plain = new ArrayList<>();
        Matcher words = WORD.matcher(name);
        while (words.find()) {
            plain.add(PlainText.word(words.group()));
        }
        return plain;
    }

    private static String joined(List<Token> tokens) {
        return String.join(" ", tokens.stream().map(Token::original).toList());
    }
}
