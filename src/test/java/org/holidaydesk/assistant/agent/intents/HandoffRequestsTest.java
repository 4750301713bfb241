package org.holidaydesk.assistant.agent.intents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which words ask for a person, in English and Romanian, with or without diacritics. */
class HandoffRequestsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ich möchte mit einem Menschen sprechen, ich habe eine Beschwerde.",
                "Can I talk to someone?",
                "I want to speak with a real person",
                "let me talk to a human",
                "Could I speak to the owner?",
                "chat with an agent please",
                "customer service please",
                "Vreau să vorbesc cu cineva",
                "vreau sa vorbesc cu un om",
                "Pot vorbi cu o persoană?",
                "Aș vrea să vorbesc cu proprietarul",
                "un om real, vă rog"
            })
    void theseAskForAPerson(String text) {
        assertThat(Handoffs.asks(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Is Casa Pescarului free for 2 people?",
                "We are two persons",
                "Can I bring someone else?",
                "Vorbim mâine despre rezervare",
                "Câte persoane încap?",
                ""
            })
    void theseDoNot(String text) {
        assertThat(Handoffs.asks(text)).isFalse();
    }
}
