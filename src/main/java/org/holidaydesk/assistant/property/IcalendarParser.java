package org.holidaydesk.assistant.property;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Transp;

/**
 * Reads an iCalendar export into blocked nights, with ical4j.
 *
 * <p>Channel exports write each booking as an all-day {@code VEVENT} whose {@code DTEND} is the check-out
 * day (exclusive), which maps one to one onto a {@link BlockedRange}. Timed events block the nights from
 * their start date to their end date (at least one night). Recurring events ({@code RRULE}, {@code RDATE},
 * {@code EXDATE}) are expanded between today and the horizon, which also bounds rules that never end.
 * Cancelled and transparent ("free") events block nothing.
 */
final class IcalendarParser {

    private final ZoneId zone;

    /** @param zone where the property is: timed events are read as local dates there */
    IcalendarParser(ZoneId zone) {
        this.zone = zone;
    }

    /** The nights the feed blocks between {@code from} and {@code until} (exclusive), in no particular order. */
    List<BlockedRange> blockedNights(InputStream feed, String propertyId, LocalDate from, LocalDate until)
            throws IOException, InvalidFeedException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(feed);
        } catch (ParserException e) {
            throw new InvalidFeedException("not an iCalendar file: " + e.getMessage(), e);
        }
        List<BlockedRange> blocked = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            if (blocksNothing(event) || event.getDateTimeStart() == null) {
                continue;
            }
            for (Period<? extends Temporal> occurrence : occurrences(event, from, until)) {
                LocalDate start = localDate(occurrence.getStart());
                LocalDate end = occurrence.getEnd() == null ? start : localDate(occurrence.getEnd());
                if (!end.isAfter(start)) {
                    end = start.plusDays(1);
                }
                if (start.isBefore(from)) {
                    start = from;
                }
                if (end.isAfter(until)) {
                    end = until;
                }
                if (end.isAfter(start)) {
                    blocked.add(new BlockedRange(propertyId, start, end, BlockSource.ICAL));
                }
            }
        }
        return blocked;
    }

    private static boolean blocksNothing(VEvent event) {
        boolean cancelled = event.getProperty(net.fortuna.ical4j.model.Property.STATUS)
                .map(status -> Status.VALUE_CANCELLED.equalsIgnoreCase(status.getValue()))
                .orElse(false);
        boolean transparent = event.getProperty(net.fortuna.ical4j.model.Property.TRANSP)
                .map(transp -> Transp.VALUE_TRANSPARENT.equalsIgnoreCase(transp.getValue()))
                .orElse(false);
        return cancelled || transparent;
    }

    /** Every occurrence overlapping the window; the window takes the type of the event's start, as ical4j needs. */
    private Set<Period<Temporal>> occurrences(VEvent event, LocalDate from, LocalDate until)
            throws InvalidFeedException {
        Temporal start = event.getDateTimeStart().getDate();
        Period<? extends Temporal> window = switch (start) {
            case LocalDate date -> new Period<>(from, until);
            case LocalDateTime dateTime -> new Period<>(from.atStartOfDay(), until.atStartOfDay());
            default -> new Period<>(from.atStartOfDay(zone), until.atStartOfDay(zone));
        };
        try {
            return event.calculateRecurrenceSet(window);
        } catch (RuntimeException e) {
            throw new InvalidFeedException(
                    "cannot expand event "
                            + event.getUid().map(Object::toString).orElse("").strip() + ": " + e.getMessage(),
                    e);
        }
    }

    private LocalDate localDate(Temporal temporal) {
        return switch (temporal) {
            case LocalDate date -> date;
            case LocalDateTime dateTime -> dateTime.toLocalDate();
            case ZonedDateTime zoned -> zoned.withZoneSameInstant(zone).toLocalDate();
            case OffsetDateTime offset -> offset.atZoneSameInstant(zone).toLocalDate();
            case Instant instant -> instant.atZone(zone).toLocalDate();
            default -> LocalDate.from(temporal);
        };
    }

    /** The feed could not be read as a calendar; its previous import stays in place. */
    static final class InvalidFeedException extends Exception {
        InvalidFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
