package org.holidaydesk.assistant.agent.offline.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.holidaydesk.assistant.agent.language.PlainText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How many guests, as guests say it in English and Romanian. */
class PartyReaderTest {

    private static Integer read(String text) {
        return PartyReader.read(PlainText.of(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Wir sind zu zweit                                          | 2",
                "wir sind vier                                              | 4",
                "2 Erwachsene und 1 Kind                                    | 3",
                "für zwei Personen                                          | 2",
                "Ich suche eine Unterkunft vom 10. bis 14. August für zwei Personen | 2",
                "für 3 Nächte, wir sind zu dritt                            | 3",
                "meine Frau und ich                                         | 2",
            })
    void readsAPartyInGerman(String text, int guests) {
        assertThat(read(text)).isEqualTo(guests);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "we are five                                                | 5",
                "for four people                                            | 4",
                "a party of eight                                           | 8",
                "a group of twelve                                          | 12",
                "the two of us                                              | 2",
                "eleven guests                                              | 11",
                "suntem cinci                                               | 5",
                "suntem doisprezece                                         | 12",
                "douăsprezece persoane                                      | 12",
                "unsprezece persoane                                        | 11",
                "pentru șase persoane                                       | 6",
                "noi trei                                                   | 3",
                "un grup de opt                                             | 8",
                "pt 2 pers                                                  | 2",
                "o persoană și un copil                                     | 2",
                "ceva romantic pentru 2 weekendul viitor                    | 2",
                "something romantic for two next weekend                    | 2",
            })
    void readsAPartyGivenInWords(String text, int guests) {
        assertThat(read(text)).isEqualTo(guests);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "we are 4, including 2 children                             | 4",
                "we are 4 people including 2 kids                           | 4",
                "4 people: 2 adults and 2 kids                              | 4",
                "we're 5, two of them kids                                  | 5",
                "4 persoane, dintre care 2 copii                            | 4",
                "suntem 4 persoane (2 adulți și 2 copii)                    | 4",
                "suntem 3 persoane, din care un copil                       | 3",
                "a family of 4 with 2 kids                                  | 4",
                "o familie de 5 cu 3 copii                                  | 5",
            })
    void aStatedTotalIsNotOverriddenByTheChildrenInIt(String text, int guests) {
        assertThat(read(text)).isEqualTo(guests);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "three adults and two children                              | 5",
                "one adult and a baby                                       | 2",
                "2 adults, 1 child and 1 baby                               | 4",
                "trei adulți și doi copii                                   | 5",
                "un adult și două bebeluși                                  | 3",
                "2 adulti + 1 copil                                         | 3",
                "we are 2 plus a baby                                       | 3",
                "we are 2 + a baby                                          | 3",
                "2 persoane + 1 copil                                       | 3",
                "we are 2 with 2 kids                                       | 4",
                "suntem doi cu un copil                                     | 3",
                "2 people and 2 children                                    | 4",
                "we are 4 with 2 kids                                       | 6",
                "a family of 4 plus a baby                                  | 5",
            })
    void addsUpACompositionAndWhatIsAddedToATotal(String text, int guests) {
        assertThat(read(text)).isEqualTo(guests);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "two couples                                                | 4",
                "we are 3 couples                                           | 6",
                "două cupluri                                               | 4",
                "trei cupluri și doi copii                                  | 8",
                "a couple with 2 kids                                       | 4",
                "un cuplu cu un copil                                       | 3",
                "me and 3 friends                                           | 4",
                "I'm coming with 3 friends                                  | 4",
                "3 friends and I                                            | 4",
                "we are 4 friends                                           | 4",
                "eu și 3 prieteni                                           | 4",
                "cu încă 2 prieteni                                         | 3",
                "me and a friend                                            | 2",
                "my wife and I with our 2 kids                              | 4",
                "me and my wife and our two children                        | 4",
                "eu cu soția și cei 2 copii                                 | 4",
                "vin cu soția                                               | 2",
                "a family with 2 kids                                       | 4",
                "o familie cu trei copii                                    | 5",
                "two families of four                                       | 8",
                "doar noi doi                                               | 2",
            })
    void readsGroups(String text, int guests) {
        assertThat(read(text)).isEqualTo(guests);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "for 3 nights",
                "pentru 2 nopți",
                "for 15 June",
                "pentru 10/07",
                "for 2 weeks",
                "Hello, I need a place to stay",
                "Bună, caut cazare",
                "Is Casa Pescarului available next month?",
                "June 15 to June 20",
                "for 200 lei",
                "for a couple of nights",
                "pentru 3 nopți",
                "for 2 weeks in July",
                "the 3 bedrooms"
            })
    void aLengthOfStayADateOrNothingIsNoParty(String text) {
        assertThat(read(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"with 2 kids", "cu 2 copii", "two families", "2+1"})
    void aPartyThatCannotBeToldIsAskedFor(String text) {
        assertThat(read(text)).isNull();
    }
}
