package org.holidaydesk.assistant.agent.offline.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as guests write them, in English and Romanian, read on a fixed day: Wednesday 25 November 2026. */
class DateReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static DateReader.Dates read(String text) {
        return read(text, TODAY);
    }

    private static DateReader.Dates read(String text, LocalDate today) {
        return DateReader.read(PlainText.of(text), today);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "I need accommodation from June 15 to June 20 for 2 people | 2027-06-15 | 2027-06-20",
                "Caut cazare între 15 și 20 iunie pentru 2 persoane          | 2027-06-15 | 2027-06-20",
                "Caut cazare intre 15 si 20 iunie                            | 2027-06-15 | 2027-06-20",
                "15-20 iunie                                                 | 2027-06-15 | 2027-06-20",
                "15–20 iunie, 2 persoane                                     | 2027-06-15 | 2027-06-20",
                "15.06-20.06                                                 | 2027-06-15 | 2027-06-20",
                "from 15/06 to 20/06/2027                                    | 2027-06-15 | 2027-06-20",
                "June 15-20                                                  | 2027-06-15 | 2027-06-20",
                "june 15th to june 20th                                      | 2027-06-15 | 2027-06-20",
                "from the 15th to the 20th of June                           | 2027-06-15 | 2027-06-20",
                "15 June to 20 June                                          | 2027-06-15 | 2027-06-20",
                "I want to book Casa Pescarului from July 10 to July 15      | 2027-07-10 | 2027-07-15",
                "Vreau să rezerv Casa Pescarului între 10 și 15 iulie        | 2027-07-10 | 2027-07-15",
                "10 iulie - 15 iulie                                         | 2027-07-10 | 2027-07-15",
                "de la 10 iulie până la 15 iulie                             | 2027-07-10 | 2027-07-15",
                "July 10 to 15 for two                                       | 2027-07-10 | 2027-07-15",
                "2027-07-10 to 2027-07-15                                    | 2027-07-10 | 2027-07-15",
                "10/07/2027 - 15/07/2027                                     | 2027-07-10 | 2027-07-15",
                "10.07.2027-15.07.2027                                       | 2027-07-10 | 2027-07-15",
                "10-07-2027 to 15-07-2027                                    | 2027-07-10 | 2027-07-15",
                "December 28 to January 3                                    | 2026-12-28 | 2027-01-03",
                "28 decembrie - 3 ianuarie                                   | 2026-12-28 | 2027-01-03",
                "from 1 to 5 December                                        | 2026-12-01 | 2026-12-05",
                "1-5 dec                                                     | 2026-12-01 | 2026-12-05",
                "3-6 mai                                                     | 2027-05-03 | 2027-05-06",
                "Ich suche eine Unterkunft vom 15. bis 20. Juni              | 2027-06-15 | 2027-06-20",
                "vom 15. bis zum 20. Juni für zwei Personen                  | 2027-06-15 | 2027-06-20",
                "15.–20.6.                                                   | 2027-06-15 | 2027-06-20",
                "vom 10. Juli bis 15. Juli                                   | 2027-07-10 | 2027-07-15",
                "28. Dezember bis 3. Januar                                  | 2026-12-28 | 2027-01-03",
                "vom 1. bis 5. März                                          | 2027-03-01 | 2027-03-05",
            })
    void readsAnArrivalAndADeparture(String text, LocalDate checkIn, LocalDate checkOut) {
        DateReader.Dates dates = read(text);

        assertThat(dates.checkIn()).isEqualTo(checkIn);
        assertThat(dates.checkOut()).isEqualTo(checkOut);
        assertThat(dates.month()).isNull();
    }

    @Test
    void germanRelativeDatesAreRead() {
        assertThat(read("Ist nächsten Monat etwas frei?").month()).isEqualTo(java.time.YearMonth.of(2026, 12));
        assertThat(read("Habt ihr am Wochenende etwas frei?").checkIn()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(read("Habt ihr am Wochenende etwas frei?").checkOut()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(read("Guten Morgen, für 3 Nächte im August").month()).isEqualTo(java.time.YearMonth.of(2027, 8));
        assertThat(read("Guten Morgen, für 3 Nächte im August").nights()).isEqualTo(3);
        assertThat(read("Guten Morgen, für 3 Nächte im August").checkIn()).isNull();
    }

    @Test
    void daysWithoutAMonthAreLeftForTheConversationsMonth() {
        assertThat(read("what about the 20th to the 23rd?").days()).isEqualTo(new DayRange(20, 23, TODAY));
        assertThat(read("und vom 20. bis 23.?").days()).isEqualTo(new DayRange(20, 23, TODAY));
        assertThat(read("dar din 20 până pe 23?").days()).isEqualTo(new DayRange(20, 23, TODAY));
        assertThat(read("for the 2 to 3 people").days()).isNull();
        assertThat(new DayRange(20, 23, TODAY).stayAround(java.time.YearMonth.of(2027, 3)))
                .containsExactly(LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 23));
    }

    @Test
    void aDateAlreadyPastThisYearMeansNextYear() {
        assertThat(read("June 15 to June 20").checkIn()).isEqualTo(LocalDate.of(2027, 6, 15));
        assertThat(read("December 15 to December 20").checkIn()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(read("25 noiembrie - 27 noiembrie").checkIn()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void anExplicitYearIsKeptEvenWhenPast() {
        DateReader.Dates dates = read("10/07/2026 - 15/07/2026");

        assertThat(dates.checkIn()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(dates.checkOut()).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Is Casa Pescarului available next month?   | 2026-12",
                "Este Casa Pescarului liberă luna viitoare? | 2026-12",
                "anything free luna următoare?              | 2026-12",
                "what about this month                      | 2026-11",
                "ceva liber luna asta?                      | 2026-11",
                "anything in July?                          | 2027-07",
                "aveți ceva liber în iulie?                 | 2027-07",
                "something in august 2027                   | 2027-08",
                "ceva în decembrie                          | 2026-12",
                "vrem în mai                                | 2027-05",
            })
    void readsAWholeMonth(String text, YearMonth month) {
        DateReader.Dates dates = read(text);

        assertThat(dates.month()).isEqualTo(month);
        assertThat(dates.checkIn()).isNull();
    }

    @Test
    void thisWeekendIsFridayToSunday() {
        // Wednesday 25 November 2026: Friday 27 to Sunday 29
        for (String text : new String[] {"this weekend", "în weekend", "weekendul acesta", "pe weekend pentru 2"}) {
            DateReader.Dates dates = read(text);
            assertThat(dates.checkIn()).as(text).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(dates.checkOut()).as(text).isEqualTo(LocalDate.of(2026, 11, 29));
        }
    }

    @Test
    void onFridayThisWeekendStartsToday() {
        LocalDate friday = LocalDate.of(2026, 11, 27);

        assertThat(read("this weekend", friday).checkIn()).isEqualTo(friday);
    }

    @Test
    void pastFridayThisWeekendIsNextWeeks() {
        LocalDate saturday = LocalDate.of(2026, 11, 28);

        DateReader.Dates dates = read("weekendul acesta", saturday);

        assertThat(dates.checkIn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(dates.checkOut()).isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void nextWeekendIsAWeekLater() {
        assertThat(read("next weekend").checkIn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(read("weekendul viitor").checkOut()).isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void tomorrowWithNightsIsAWholeStay() {
        DateReader.Dates english = read("tomorrow for 3 nights");
        DateReader.Dates romanian = read("mâine, 3 nopți");

        assertThat(english.checkIn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(english.checkOut()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(romanian).isEqualTo(english);
    }

    @Test
    void tomorrowAloneLeavesTheDepartureOpen() {
        DateReader.Dates dates = read("Is anything free tomorrow?");

        assertThat(dates.checkIn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(dates.checkOut()).isNull();
    }

    @Test
    void readsALengthOfStayInNightsOrWeeks() {
        assertThat(read("for 3 nights").nights()).isEqualTo(3);
        assertThat(read("pentru două nopți").nights()).isEqualTo(2);
        assertThat(read("o noapte").nights()).isEqualTo(1);
        assertThat(read("for a week").nights()).isEqualTo(7);
        assertThat(read("o săptămână").nights()).isEqualTo(7);
        assertThat(read("from 10 July for 4 nights").checkOut()).isEqualTo(LocalDate.of(2027, 7, 14));
    }

    @Test
    void partySizesAndOrdinaryWordsAreNotDates() {
        assertThat(read("Hello, I need a place to stay").isEmpty()).isTrue();
        assertThat(read("Bună, caut cazare").isEmpty()).isTrue();
        assertThat(read("for 2 people").isEmpty()).isTrue();
        assertThat(read("May I ask something?").isEmpty()).isTrue();
        assertThat(read("aveți ceva mai ieftin?").isEmpty()).isTrue();
        assertThat(read("we are 2 mai mulți").isEmpty()).isTrue();
        assertThat(read("weekendul viitor").month()).isNull();
    }

    @Test
    void anImpossibleDateIsIgnored() {
        assertThat(read("31/02 - 03/03").checkIn()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(read("31/02 - 03/03").checkOut()).isNull();
    }
}
