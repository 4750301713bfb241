package org.holidaydesk.assistant.agent.offline.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A whole message read at once: greeting, dates, party and the property named, in English and Romanian. */
class RequestReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final List<String> NAMES =
            List.of("Casa Pescarului", "Vila Franceza", "Cabana Bradul", "Conacul Viilor", "Casa de pe Lac");
    private static final List<PropertyTools.PropertySummary> CATALOG = NAMES.stream()
            .map(name -> FakePropertyTools.summary(name.toLowerCase().replace(' ', '-'), name, "", 4, 100, 1))
            .toList();

    private static GuestRequest read(String text) {
        return RequestReader.read(text, TODAY, CATALOG, LanguageGuess.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hello, I need a place to stay",
                "hi",
                "Hey there",
                "Good morning!",
                "Bună, caut cazare",
                "Buna ziua",
                "bună seara, aveți ceva liber?",
                "Salut!",
                "Salutare"
            })
    void recognisesAGreeting(String text) {
        assertThat(read(text).greeting()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I need accommodation from June 15 to June 20 for 2 people",
                "Is Casa Pescarului available next month?",
                "This is a nice place",
                "O zi bună să aveți"
            })
    void findsNoGreetingWhereThereIsNone(String text) {
        assertThat(read(text).greeting()).isFalse();
    }

    @Test
    void aGreetingAloneAsksNothing() {
        GuestRequest english = read("Hello, I need a place to stay");
        GuestRequest romanian = read("Bună, caut cazare");

        assertThat(english.asksNothing()).isTrue();
        assertThat(romanian.asksNothing()).isTrue();
    }

    @Test
    void thanksAreRecognised() {
        assertThat(read("Thank you!").thanks()).isTrue();
        assertThat(read("Mulțumesc frumos").thanks()).isTrue();
        assertThat(read("mersi").thanks()).isTrue();
    }

    @Test
    void readsTheSeedQuestionsInBothLanguages() {
        GuestRequest english = read("I need accommodation from June 15 to June 20 for 2 people");
        GuestRequest romanian = read("Caut cazare între 15 și 20 iunie pentru 2 persoane");

        for (GuestRequest request : List.of(english, romanian)) {
            assertThat(request.checkIn()).isEqualTo(LocalDate.of(2027, 6, 15));
            assertThat(request.checkOut()).isEqualTo(LocalDate.of(2027, 6, 20));
            assertThat(request.guests()).isEqualTo(2);
            assertThat(request.property()).isNull();
        }
    }

    @Test
    void readsAPropertyAndAMonth() {
        GuestRequest english = read("Is Casa Pescarului available next month?");
        GuestRequest romanian = read("Este Casa Pescarului liberă luna viitoare?");

        for (GuestRequest request : List.of(english, romanian)) {
            assertThat(request.property()).isEqualTo("Casa Pescarului");
            assertThat(request.month()).isEqualTo(YearMonth.of(2026, 12));
            assertThat(request.guests()).isNull();
        }
    }

    @Test
    void readsABooking() {
        GuestRequest english = read("I want to book Casa Pescarului from July 10 to July 15");
        GuestRequest romanian = read("Vreau să rezerv Casa Pescarului între 10 și 15 iulie");

        for (GuestRequest request : List.of(english, romanian)) {
            assertThat(request.property()).isEqualTo("Casa Pescarului");
            assertThat(request.checkIn()).isEqualTo(LocalDate.of(2027, 7, 10));
            assertThat(request.checkOut()).isEqualTo(LocalDate.of(2027, 7, 15));
        }
    }

    @Test
    void passesAMisspeltNameOnAsTheGuestWroteIt() {
        assertThat(read("is casa pescariului free?").property()).isEqualTo("casa pescariului");
        assertThat(read("Vila Franceză în weekend?").property()).isEqualTo("Vila Franceză");
        assertThat(read("what about Pescarului in July").property()).isEqualTo("Pescarului");
    }

    @Test
    void ordinaryWordsNameNoProperty() {
        // "viitor" is one letter away from "Viilor", "casa" starts two names
        assertThat(read("weekendul viitor pentru 2").property()).isNull();
        assertThat(read("Caut o casa pentru 4 persoane").property()).isNull();
        assertThat(read("I need a place to stay").property()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "How much is Vila Franceza per night?            | PRICE",
                "Cât costă Vila Franceza pe noapte?              | PRICE",
                "Where is Casa Pescarului exactly?               | LOCATION",
                "Unde e Casa Pescarului?                         | LOCATION",
                "How many people does Vila Franceza sleep?       | CAPACITY",
                "Câte persoane încap la Vila Franceza?           | CAPACITY",
                "What's the minimum stay at Conacul Viilor?      | MINIMUM_STAY",
                "Care e sejurul minim?                           | MINIMUM_STAY",
                "Tell me about Cabana Bradul                     | DESCRIPTION",
                "Spune-mi despre Cabana Bradul                   | DESCRIPTION",
                "What amenities does it have?                    | AMENITIES",
                "Ce dotări are?                                  | AMENITIES",
            })
    void readsWhatIsAskedAboutAProperty(String text, Fact fact) {
        assertThat(read(text).facts()).contains(fact);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "Can I bring my dog?                             | pet-friendly",
                "Pot veni cu câinele?                            | pet-friendly",
                "acceptati animale?                              | pet-friendly",
                "Is there parking?                               | parking",
                "Are parcare?                                    | parking",
                "is there wifi                                   | wifi",
                "Something romantic for 2                        | romantic",
                "ceva romantic                                   | romantic",
                "anything in the mountains?                      | mountains",
                "ceva la munte                                   | mountains",
                "by the sea                                      | sea",
                "ceva la mare                                    | sea",
                "cu piscină                                      | pool",
                "a family of 4                                   | family",
            })
    void readsWhatTheGuestWantsOfAPlace(String text, String feature) {
        assertThat(read(text).featureTerms()).contains(feature);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I need a place to sleep for 2",
                "cât costă pe noapte?",
                "Is Casa de pe Lac free?",
                "vin cu soția",
                "two couples",
                "e mare casa?",
                "Is Casa Pescarului available next month?",
                "Caut cazare între 15 și 20 iunie"
            })
    void ordinaryWordsAskForNoFeature(String text) {
        assertThat(read(text).features()).isEmpty();
    }

    @Test
    void theLanguageIsReadAroundThePropertysName() {
        assertThat(read("Is Casa de pe Lac free?").language()).isEqualTo(LanguageGuess.ENGLISH);
        assertThat(read("e libera Casa Pescarului maine?").language()).isEqualTo(LanguageGuess.ROMANIAN);
    }

    @Test
    void aNameTheCatalogLacksIsStillPassedOn() {
        assertThat(read("Is Vila Marea Neagra free in July?").property()).isEqualTo("Vila Marea Neagra");
    }
}
