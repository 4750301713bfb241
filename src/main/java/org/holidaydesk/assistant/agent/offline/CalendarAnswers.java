package org.holidaydesk.assistant.agent.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * The offline agent's answers without exact dates: a month at one property (its free stretches), a property
 * without dates (its next weeks), and a month without a property (each property's first bookable stretch); with
 * a published date picker, each carries the calendar the picker would show.
 */
final class CalendarAnswers {

    private final PropertyTools tools;
    private final String businessContact;
    private final boolean datePicker;

    CalendarAnswers(PropertyTools tools, String businessContact, boolean datePicker) {
        this.tools = tools;
        this.businessContact = businessContact;
        this.datePicker = datePicker;
    }

    /** A month at one property: its free stretches long enough to book, or other properties when it is full. */
    Outcome propertyMonth(
            GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words, LocalDate today) {
        MonthCalendar calendar = MonthCalendar.of(tools, known.property(), known.month(), known.nights(), today);
        GuestContext resolved = known.withProperty(calendar.name());
        PropertyTools.PropertySummary property = catalog.stream()
                .filter(p -> p.name().equals(calendar.name()))
                .findFirst()
                .orElse(null);
        if (property != null && !AvailabilityAnswers.sleeps(property.maxGuests(), known)) {
            Outcome others = monthWindows(resolved, catalog, words, today, calendar.name());
            return new Outcome(
                    new AnswerLines()
                            .add(words.tooManyGuests(property.name(), property.maxGuests()))
                            .add(others.text())
                            .text(),
                    resolved);
        }
        List<PropertyTools.Range> bookable = calendar.bookable();
        if (bookable.isEmpty()) {
            Outcome others = monthWindows(resolved, catalog, words, today, calendar.name());
            return new Outcome(
                    new AnswerLines()
                            .add(words.bookedInMonth(calendar.name(), known.month()))
                            .add(others.text())
                            .text(),
                    resolved);
        }
        AnswerLines lines = new AnswerLines().add(words.freeInMonth(calendar.name(), known.month()));
        bookable.stream().limit(AvailabilityAnswers.MOST_LINES).forEach(r -> lines.add(words.rangeLine(r)));
        if (bookable.size() > AvailabilityAnswers.MOST_LINES) {
            lines.add(words.more(bookable.size() - AvailabilityAnswers.MOST_LINES));
        }
        Outcome outcome = new Outcome(
                        lines.add(words.askExactDates(known.guests())).text(), resolved)
                .withFree(List.of(calendar.name()));
        if (!datePicker) {
            return outcome;
        }
        LocalDate from =
                known.month().atDay(1).isBefore(today) ? today : known.month().atDay(1);
        return outcome.withDates(DatePickers.forProperty(
                tools,
                calendar.name(),
                from,
                known.month().atEndOfMonth().plusDays(1),
                known.nights(),
                known.guests()));
    }

    /** A property without dates: its next 30 days; other properties when it sleeps fewer than the party. */
    Outcome propertySoon(GuestContext known, List<PropertyTools.PropertySummary> catalog, Wording words) {
        PropertyTools.Calendar calendar = tools.calendar(known.property(), null);
        GuestContext resolved = known.withProperty(calendar.name());
        PropertyTools.PropertySummary property = catalog.stream()
                .filter(p -> p.name().equals(calendar.name()))
                .findFirst()
                .orElse(null);
        if (property != null && !AvailabilityAnswers.sleeps(property.maxGuests(), known)) {
            List<PropertyTools.PropertySummary> others = catalog.stream()
                    .filter(p -> AvailabilityAnswers.sleeps(p.maxGuests(), known))
                    .toList();
            AnswerLines lines = new AnswerLines().add(words.tooManyGuests(property.name(), property.maxGuests()));
            if (others.isEmpty()) {
                int most = catalog.stream()
                        .mapToInt(PropertyTools.PropertySummary::maxGuests)
                        .max()
                        .orElse(0);
                return new Outcome(
                        lines.add(words.partyTooLargeForAll(known.guests(), most, businessContact))
                                .text(),
                        resolved);
            }
            WantedFeatures wanted = WantedFeatures.of(known, catalog);
            List<PropertyTools.PropertySummary> ranked =
                    wanted.ranked(others, PropertyTools.PropertySummary::id).stream()
                            .limit(AvailabilityAnswers.MOST_LINES)
                            .toList();
            if (!wanted.none()) {
                lines.add(
                        wanted.anyIn(AvailabilityAnswers.names(ranked, PropertyTools.PropertySummary::id))
                                ? words.place().bestMatchesFirst(wanted.wanted())
                                : words.place().noneOfTheFreeMatch(wanted.wanted()));
            }
            ranked.forEach(p -> lines.add(words.propertyLine(p) + words.place().matched(wanted.of(p.id()))));
            return new Outcome(lines.add(words.askDates(known.guests())).text(), resolved.withoutProperty());
        }
        List<PropertyTools.Range> bookable = calendar.freeRanges().stream()
                .filter(r -> r.nights() >= calendar.minimumStay())
                .toList();
        if (bookable.isEmpty()) {
            return new Outcome(
                    new AnswerLines()
                            .add(words.bookedSoon(calendar.name()))
                            .add(words.askDates(known.guests()))
                            .text(),
                    resolved);
        }
        AnswerLines lines = new AnswerLines().add(words.freeSoon(calendar.name()));
        bookable.stream().limit(AvailabilityAnswers.MOST_LINES).forEach(r -> lines.add(words.rangeLine(r)));
        Outcome outcome = new Outcome(
                        lines.add(words.askExactDates(known.guests())).text(), resolved)
                .withFree(List.of(calendar.name()));
        return !datePicker
                ? outcome
                : outcome.withDates(DatePickers.forProperty(
                        tools, calendar.name(), calendar.from(), calendar.to(), known.nights(), known.guests()));
    }

    /** A month without a property: the first bookable stretch of each property that sleeps the party. */
    Outcome monthWindows(
            GuestContext known,
            List<PropertyTools.PropertySummary> catalog,
            Wording words,
            LocalDate today,
            String except) {
        AnswerLines lines = new AnswerLines();
        WantedFeatures wanted = WantedFeatures.of(known, catalog);
        List<String> offered = new ArrayList<>();
        for (PropertyTools.PropertySummary property : wanted.ranked(catalog, PropertyTools.PropertySummary::id)) {
            if (property.name().equals(except) || !AvailabilityAnswers.sleeps(property.maxGuests(), known)) {
                continue;
            }
            MonthCalendar calendar = MonthCalendar.of(tools, property.name(), known.month(), known.nights(), today);
            if (!calendar.bookable().isEmpty()) {
                lines.add(words.windowLine(calendar.name(), calendar.bookable().get(0))
                        + words.place().matched(wanted.of(property.id())));
                offered.add(calendar.name());
            }
            if (lines.size() == AvailabilityAnswers.MOST_LINES) {
                break;
            }
        }
        if (lines.size() == 0) {
            return new Outcome(words.nothingInMonth(known.month()), known);
        }
        if (!wanted.none()) {
            lines.prepend(
                    wanted.anyIn(offered)
                            ? words.place().bestMatchesFirst(wanted.wanted())
                            : words.place().noneOfTheFreeMatch(wanted.wanted()));
        }
        lines.prepend(except == null ? words.windowsInMonth(known.month()) : words.otherWindowsInMonth(known.month()));
        Outcome outcome =
                new Outcome(lines.add(words.askExactDates(known.guests())).text(), known).withFree(offered);
        if (!datePicker || except != null) {
            return outcome;
        }
        LocalDate from =
                known.month().atDay(1).isBefore(today) ? today : known.month().atDay(1);
        return outcome.withDates(DatePickers.common(
                tools, offered, from, known.month().atEndOfMonth().plusDays(1), known.nights(), known.guests()));
    }
}
