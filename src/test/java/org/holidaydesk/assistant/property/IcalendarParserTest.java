package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcalendarParserTest {

    private static final String PROPERTY = "casa-pescarului";
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 1, 1);

    private final IcalendarParser parser = new IcalendarParser(ZoneId.of("Europe/Bucharest"));

    private List<DateRange> read(String file, LocalDate from, LocalDate until) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/calendars/" + file)) {
            return parser.blockedNights(in, PROPERTY, from, until).stream()
                    .peek(range -> assertThat(range.propertyId()).isEqualTo(PROPERTY))
                    .peek(range -> assertThat(range.source()).isEqualTo(BlockSource.ICAL))
                    .map(range -> new DateRange(range.start(), range.end()))
                    .toList();
        }
    }

    private static DateRange range(String start, String end) {
        return new DateRange(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void readsAnAllDayBookingWithItsCheckOutDayExclusive() throws Exception {
        assertThat(read("airbnb-export.ics", FROM, UNTIL))
                .contains(range("2026-07-10", "2026-07-15"))
                .doesNotContain(range("2026-07-10", "2026-07-16"));
    }

    @Test
    void expandsAMonthlyRuleWithItsCountAndExceptions() throws Exception {
        List<DateRange> ranges = read("airbnb-export.ics", FROM, UNTIL);

        assertThat(ranges)
                .contains(
                        range("2026-01-01", "2026-01-03"),
                        range("2026-02-01", "2026-02-03"),
                        range("2026-04-01", "2026-04-03"),
                        range("2026-05-01", "2026-05-03"));
        // EXDATE removes March; COUNT=5 ends the rule in May
        assertThat(ranges).doesNotContain(range("2026-03-01", "2026-03-03"), range("2026-06-01", "2026-06-03"));
    }

    @Test
    void expandsAnEndlessWeeklyRuleUpToTheHorizonOnly() throws Exception {
        List<DateRange> mondays = read("airbnb-export.ics", FROM, UNTIL).stream()
                .filter(r -> r.nights() == 1 && r.start().getDayOfWeek() == DayOfWeek.MONDAY)
                .toList();

        assertThat(mondays).hasSize(52);
        assertThat(mondays).allSatisfy(r -> assertThat(r.start()).isBefore(UNTIL));
    }

    @Test
    void cancelledAndTransparentEventsBlockNothing() throws Exception {
        assertThat(read("airbnb-export.ics", FROM, UNTIL))
                .noneMatch(r -> r.start().getMonthValue() == 8
                        && r.start().getYear() == 2026
                        && r.start().getDayOfWeek() != DayOfWeek.MONDAY);
    }

    @Test
    void timedEventBlocksTheNightsFromItsStartDayToItsEndDay() throws Exception {
        assertThat(read("airbnb-export.ics", FROM, UNTIL)).contains(range("2026-09-01", "2026-09-04"));
    }

    @Test
    void allDayEventWithoutEndBlocksOneNight() throws Exception {
        assertThat(read("airbnb-export.ics", FROM, UNTIL)).contains(range("2026-09-20", "2026-09-21"));
    }

    @Test
    void clipsEventsToTheWindow() throws Exception {
        List<DateRange> ranges = read("airbnb-export.ics", LocalDate.of(2026, 7, 12), LocalDate.of(2026, 9, 3));

        assertThat(ranges).contains(range("2026-07-12", "2026-07-15"), range("2026-09-01", "2026-09-03"));
        assertThat(ranges).allSatisfy(r -> {
            assertThat(r.start()).isAfterOrEqualTo(LocalDate.of(2026, 7, 12));
            assertThat(r.end()).isBeforeOrEqualTo(LocalDate.of(2026, 9, 3));
        });
    }

    @Test
    void ruleStartedLongAgoStillBlocksTheComingWeeks() throws Exception {
        LocalDate today = LocalDate.now();
        List<DateRange> fridays = read("friday-nights.ics", today, today.plusDays(28));

        assertThat(fridays).hasSize(4).allSatisfy(r -> {
            assertThat(r.start().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(r.nights()).isEqualTo(1);
        });
    }

    @Test
    void refusesAFileThatIsNotACalendar() {
        assertThatThrownBy(() -> read("broken.ics", FROM, UNTIL))
                .isInstanceOfAny(IcalendarParser.InvalidFeedException.class, IOException.class);
    }
}
