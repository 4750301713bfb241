package org.holidaydesk.assistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How many guests, as guests say it in English and Romanian. */
class PartyReaderTest {

    private static Integer read(String text) {
        return PartyReader.read(PlainText.of(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Is Casa Pescarului free next month for two?                | 2",
            "I need accommodation from June 15 to June 20 for 2 people  | 2",
            "for 2                                                      | 2",
            "2 people                                                   | 2",
            "two adults                                                 | 2",
            "2 adults and 2 children                                    | 4",
            "two adults and a child                                     | 3",
            "we are 3                                                   | 3",
            "we're 5                                                    | 5",
            "a family of 4                                              | 4",
            "a couple                                                   | 2",
            "me and my wife                                             | 2",
            "just me                                                    | 1",
            "Caut cazare între 15 și 20 iunie pentru 2 persoane         | 2",
            "pentru 2 persoane                                          | 2",
            "doi adulți                                                 | 2",
            "doi adulți și un copil                                     | 3",
            "2 adulti si 2 copii                                        | 4",
            "o familie de 4                                             | 4",
            "suntem 6                                                   | 6",
            "pentru doi                                                 | 2",
            "pentru două persoane                                       | 2",
            "o persoană                                                 | 1",
            "eu și soția                                                | 2",
            "15-20 iunie pentru 3                                       | 3",
    })
    void readsTheParty(String text, int guests) {
        assertThat(read(text)).isEqualTo(guests);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "for 3 nights", "pentru 2 nopți", "for 15 June", "pentru 10/07", "for 2 weeks", "Hello, I need a place to stay",
            "Bună, caut cazare", "Is Casa Pescarului available next month?", "June 15 to June 20", "for 200 lei"})
    void aLengthOfStayADateOrNothingIsNoParty(String text) {
        assertThat(read(text)).isNull();
    }
}
