package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.offline.reading.RequestReader;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.junit.jupiter.api.Test;

/** How each new message adds to what a guest told before. */
class GuestContextTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final List<String> NAMES = List.of("Casa Pescarului", "Vila Franceza");
    private static final List<PropertyTools.PropertySummary> CATALOG = NAMES.stream()
            .map(name -> FakePropertyTools.summary(name.toLowerCase().replace(' ', '-'), name, "", 4, 100, 1))
            .toList();

    private static GuestContext after(String... messages) {
        GuestContext context = GuestContext.EMPTY;
        for (String message : messages) {
            context = context.with(RequestReader.read(message, TODAY, CATALOG, LanguageGuess.ENGLISH));
        }
        return context;
    }

    @Test
    void aPartyCompletesEarlierDates() {
        GuestContext context = after("June 15 to June 20", "for 2");

        assertThat(context)
                .isEqualTo(new GuestContext(LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 20), null, null, 2, null));
    }

    @Test
    void nightsCompleteAnEarlierArrival() {
        GuestContext context = after("mâine", "3 nopți");

        assertThat(context.checkIn()).isEqualTo(TODAY.plusDays(1));
        assertThat(context.checkOut()).isEqualTo(TODAY.plusDays(4));
    }

    @Test
    void anArrivalCompletesEarlierNights() {
        GuestContext context = after("for 3 nights", "from July 10");

        assertThat(context.checkIn()).isEqualTo(LocalDate.of(2027, 7, 10));
        assertThat(context.checkOut()).isEqualTo(LocalDate.of(2027, 7, 13));
    }

    @Test
    void aMonthReplacesExactDatesAndTheReverse() {
        assertThat(after("June 15 to June 20 for 2", "Casa Pescarului next month"))
                .isEqualTo(new GuestContext(null, null, YearMonth.of(2026, 12), null, 2, "Casa Pescarului"));
        assertThat(after("Casa Pescarului next month", "July 10 to July 15").month())
                .isNull();
    }

    @Test
    void anotherPropertyReplacesTheFirstAndAnythingElseForgetsIt() {
        assertThat(after("Casa Pescarului", "what about Vila Franceza?").property())
                .isEqualTo("Vila Franceza");
        assertThat(after("Casa Pescarului", "anything else?").property()).isNull();
        assertThat(after("Casa Pescarului", "for 2").property()).isEqualTo("Casa Pescarului");
    }

    @Test
    void whatHasGoneByIsDropped() {
        GuestContext told = new GuestContext(
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22), null, null, 2, "Vila Franceza");

        assertThat(told.asOf(TODAY)).isEqualTo(new GuestContext(null, null, null, null, 2, "Vila Franceza"));
        assertThat(new GuestContext(null, null, YearMonth.of(2026, 10), null, null, null)
                        .asOf(TODAY)
                        .month())
                .isNull();
        assertThat(new GuestContext(null, null, YearMonth.of(2026, 11), null, null, null)
                        .asOf(TODAY)
                        .month())
                .isEqualTo(YearMonth.of(2026, 11));
    }
}
