package org.holidaydesk.assistant.agent.intents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which words ask the assistant to forget a guest, in English, Romanian and German, with or without diacritics. */
class ForgetMeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "forget me",
                "Please forget me!",
                "Forget about me",
                "Can you delete my data?",
                "erase my personal information please",
                "Remove my details",
                "delete everything you know about me",
                "forget everything I told you",
                "Uită-mă",
                "uitati-ma va rog",
                "Șterge-mi datele",
                "sterge-mi datele",
                "Vă rog să-mi ștergeți datele",
                "Ștergeți datele mele",
                "stergeti tot ce stiti despre mine",
                "Vreau să ștergeți conversația noastră",
                "Vergiss mich, lösche meine Daten",
                "Bitte löschen Sie meine Daten"
            })
    void theseAskToBeForgotten(String text) {
        assertThat(ForgetMe.asks(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Don't forget my booking for June",
                "I forgot my dates",
                "Is Casa Pescarului free?",
                "Can you delete the booking for 2 and make it 3?",
                "Am uitat datele",
                "Pot să șterg o rezervare?",
                "Ich habe die Daten vergessen",
                ""
            })
    void theseDoNot(String text) {
        assertThat(ForgetMe.asks(text)).isFalse();
    }
}
