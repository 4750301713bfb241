package org.holidaydesk.assistant.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Typos as the catalog and the offline agent measure them. */
class EditDistanceTest {

    @Test
    void countsASwapOfNeighbouringLettersAsOneMistake() {
        assertThat(EditDistance.between("pescarului", "pesacrului")).isEqualTo(1);
        assertThat(EditDistance.between("pescarului", "pescariului")).isEqualTo(1);
    }

    @Test
    void theBoundedDistanceAgreesWithTheFullOneWithinItsBound() {
        Random random = new Random(7);
        String letters = "acdeilnoprsu ";
        for (int run = 0; run < 5_000; run++) {
            String a = randomWord(random, letters, 3 + random.nextInt(12));
            String b = mutate(random, a, letters, random.nextInt(5));
            int max = random.nextInt(5);
            int full = EditDistance.between(a, b);
            int bounded = EditDistance.within(a, b, max);
            if (full <= max) {
                assertThat(bounded).as(a + " / " + b + " within " + max).isEqualTo(full);
            } else {
                assertThat(bounded).as(a + " / " + b + " within " + max).isGreaterThan(max);
            }
        }
    }

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("bradul", "bradul")).isZero();
        assertThat(EditDistance.between("bradul", "brdul")).isEqualTo(1);
        assertThat(EditDistance.between("bradul", "bradull")).isEqualTo(1);
        assertThat(EditDistance.between("bradul", "bredul")).isEqualTo(1);
        assertThat(EditDistance.between("", "lac")).isEqualTo(3);
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
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
                    }
                }
                default -> {
                    if (at + 1 < text.length()) {
                        char c = text.charAt(at);
                        text.setCharAt(at, text.charAt(at + 1));
                        text.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return text.toString();
    }
}
