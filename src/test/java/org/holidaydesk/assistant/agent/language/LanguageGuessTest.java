package org.holidaydesk.assistant.agent.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Romanian or English, from a few words typed on a phone. */
class LanguageGuessTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "buna, aveti ceva liber pt 2 pers?",
                "pt 2 pers 3 nopti",
                "cat costa pe noapte?",
                "e liber maine?",
                "mersi",
                "aveti parcare?",
                "cate nopti minim?",
                "suntem 4 pers",
                "vreau sa rezerv pt weekend",
                "si pt 15 iunie?",
                "ok, multumesc",
                "pot veni cu cainele?",
                "spune-mi despre ea",
                "Bună!"
            })
    void shortRomanianWithoutDiacriticsIsRomanian(String text) {
        assertThat(LanguageGuess.of(text, LanguageGuess.ENGLISH)).isEqualTo(LanguageGuess.ROMANIAN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "is it free this weekend?",
                "pls 2 ppl next wknd",
                "thx",
                "how much per night?",
                "can I bring my dog?",
                "where is it exactly?",
                "we are 4 with 2 kids"
            })
    void shortEnglishIsEnglish(String text) {
        assertThat(LanguageGuess.of(text, LanguageGuess.ROMANIAN)).isEqualTo(LanguageGuess.ENGLISH);
    }

    @Test
    void wordsOfNeitherKeepTheLanguageOfEarlierTurns() {
        assertThat(LanguageGuess.of("15.06-20.06", LanguageGuess.ROMANIAN)).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(LanguageGuess.of("👍", LanguageGuess.ENGLISH)).isEqualTo(LanguageGuess.ENGLISH);
    }
}
