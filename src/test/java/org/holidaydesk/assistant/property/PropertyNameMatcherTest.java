package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PropertyNameMatcherTest {

    @Test
    void normalisesDiacriticsCaseAndPunctuation() {
        assertThat(PropertyNameMatcher.normalize("  Vila FRANCEZĂ!  ")).isEqualTo(PropertyNameMatcher.normalize("vila franceza"));
        assertThat(PropertyNameMatcher.normalize("Casa-Pescarului")).isEqualTo(PropertyNameMatcher.normalize("casa pescarului"));
        assertThat(PropertyNameMatcher.normalize("Șură în Țară")).isEqualTo("sura in tara");
    }

    @Test
    void countsASwapOfNeighbouringLettersAsOneMistake() {
        assertThat(PropertyNameMatcher.distance("pescarului", "pesacrului")).isEqualTo(1);
        assertThat(PropertyNameMatcher.distance("pescarului", "pescariului")).isEqualTo(1);
    }

    @Test
    void boundedDistanceAgreesWithTheFullDistanceWithinItsBound() {
        Random random = new Random(7);
        String letters = "acdeilnoprsu ";
        for (int run = 0; run < 5_000; run++) {
            String a = randomWord(random, letters, 3 + random.nextInt(12));
            String b = mutate(random, a, letters, random.nextInt(5));
            int max = random.nextInt(5);
            int full = PropertyNameMatcher.distance(a, b);
            int bounded = PropertyNameMatcher.boundedDistance(a, b, max);
            if (full <= max) {
                assertThat(bounded).as(a + " / " + b + " within " + max).isEqualTo(full);
            } else {
                assertThat(bounded).as(a + " / " + b + " within " + max).isGreaterThan(max);
            }
        }
    }

    private static String randomWord(Random random, String letters, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static String mutate(Random random, String word, String letters, int edits) {
        StringBuilder text = new StringBuilder(word);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, letters.charAt(random.nextInt(letters.length())));
                case 1 -> { if (at < text.length()) { text.deleteCharAt(at); } }
                case 2 -> { if (at < text.length()) { text.setCharAt(at, letters.charAt(random.nextInt(letters.length()))); } }
                default -> { if (at + 1 < text.length()) { char c = text.charAt(at); text.setCharAt(at, text.charAt(at + 1)); text.setCharAt(at + 1, c); } }
            }
        }
        return text.toString();
    }
}
