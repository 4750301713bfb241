package org.holidaydesk.assistant.funnel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.holidaydesk.assistant.property.AvailabilityIndex;
import org.holidaydesk.assistant.property.Property;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The booking funnel per property: answers that offered it free ({@code assistant_booking_offers_total}), booking
 * links sent for it ({@code assistant_booking_links_total}) and their first opens
 * ({@code assistant_booking_link_opens_total}), as counters and per day where the properties are
 * ({@code booking_funnel_day}), which operators read at {@code /actuator/funnel}. A property is named by its catalog
 * id, found from its id, its booking system's id or its name; one the catalog does not know counts as {@code other}.
 */
@Component("bookingFunnel")
public class BookingFunnel {

    /** The label of a property the catalog does not know. */
    static final String OTHER = "other";

    /** One step of the funnel: its column and its counter. */
    enum Step {
        OFFERS("offers", "assistant.booking.offers", "Answers that offered a free property"),
        LINKS("links", "assistant.booking.links", "Booking links sent"),
        OPENS("opens", "assistant.booking.link.opens", "Tracked booking links opened (first open of each)");

        final String column;
        final String metric;
        final String description;

        Step(String column, String metric, String description) {
            this.column = column;
            this.metric = metric;
            this.description = description;
        }
    }

    /** One row of the funnel: a property's day. */
    public record Day(LocalDate day, String property, int offers, int links, int opens) {}

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final AvailabilityIndex index;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    public BookingFunnel(
            JdbcTemplate jdbc, MeterRegistry meters, AvailabilityIndex index, PropertyProperties property) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.index = index;
        this.zone = property.timeZone();
    }

    /** Every catalog property's counters exist from the start at zero, so that a rate is defined before the first sale. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerCatalog() {
        for (Property property : index.properties()) {
            for (Step step : Step.values()) {
                counter(step, property.id());
            }
        }
    }

    /**
     * What one queued answer did for the funnel: the properties it offered as free (each the catalog knows, counted
     * once: a name it does not know is no offer) and the property it sent a booking link for, or null. The rows are
     * counted in the order of their property ids, so that answers committed at the same time never wait on each
     * other's rows in a circle (a deadlock either database would break by failing a turn).
     */
    public void answered(Collection<String> offered, String linked) {
        TreeMap<String, EnumSet<Step>> steps = new TreeMap<>();
        offered.stream()
                .map(this::propertyId)
                .filter(id -> !OTHER.equals(id))
                .forEach(id -> steps.computeIfAbsent(id, k -> EnumSet.noneOf(Step.class))
                        .add(Step.OFFERS));
        if (linked != null) {
            steps.computeIfAbsent(propertyId(linked), k -> EnumSet.noneOf(Step.class))
                    .add(Step.LINKS);
        }
        steps.forEach((id, counted) -> counted.forEach(step -> count(step, id)));
    }

    /** A tracked link of this property (a catalog id) was opened for the first time. */
    void opened(String propertyId) {
        count(Step.OPENS, propertyId);
    }

    /** The funnel of the last {@code days} days (today included), newest first, by property. */
    public List<Day> lastDays(int days) {
        LocalDate from = today().minusDays(Math.max(1, days) - 1L);
        return jdbc.query(
                "SELECT funnel_day, property_id, offers, links, opens FROM booking_funnel_day WHERE funnel_day >= ?"
                        + " ORDER BY funnel_day DESC, property_id",
                (rs, n) ->
                        new Day(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                Date.valueOf(from));
    }

    /** The catalog id of a property named by its id, its booking system's id or its name; {@code other} when unknown. */
    String propertyId(String property) {
        if (property == null || property.isBlank()) {
            return OTHER;
        }
        String wanted = property.strip().toLowerCase(Locale.ROOT);
        List<Property> catalog = index.properties();
        for (Property p : catalog) {
            if (p.id().equalsIgnoreCase(wanted)) {
                return p.id();
            }
        }
        for (Property p : catalog) {
            if (p.bookingSystemId().equalsIgnoreCase(wanted)
                    || p.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return p.id();
            }
        }
        return OTHER;
    }

    private void count(Step step, String propertyId) {
        counter(step, propertyId).increment();
        Date day = Date.valueOf(today());
        String add = "UPDATE booking_funnel_day SET " + step.column + " = " + step.column
                + " + 1 WHERE funnel_day = ? AND property_id = ?";
        if (jdbc.update(add, day, propertyId) == 0) {
            int inserted = jdbc.update(
                    "INSERT INTO booking_funnel_day (funnel_day, property_id, " + step.column
                            + ") VALUES (?, ?, 1) ON CONFLICT DO NOTHING",
                    day,
                    propertyId);
            if (inserted == 0) {
                jdbc.update(add, day, propertyId);
            }
        }
    }

    private Counter counter(Step step, String propertyId) {
        return Counter.builder(step.metric)
                .description(step.description)
                .tags("property", propertyId)
                .register(meters);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** For tests: the counts of one property as the counters have them. */
    Map<String, Double> counts(String propertyId) {
        return Map.of(
                "offers",
                counter(Step.OFFERS, propertyId).count(),
                "links",
                counter(Step.LINKS, propertyId).count(),
                "opens",
                counter(Step.OPENS, propertyId).count());
    }
}
