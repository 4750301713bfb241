package org.holidaydesk.assistant.ops;

import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.funnel.BookingFunnel;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/funnel} on the management port: the booking funnel per property and day (where the properties
 * are), newest day first: answers that offered the property free, booking links sent, links opened, and the share
 * of each step. Counts only: no guest, number or message is in it. {@code ?days=N} (1–366, default 30).
 */
@Component
@Endpoint(id = "funnel")
public class FunnelEndpoint {

    private static final int DEFAULT_DAYS = 30;
    private static final int MOST_DAYS = 366;

    /** One property's day of the funnel; the rates are null when the step before counted nothing. */
    public record View(
            String day, String property, int offers, int links, int opens, Double linksPerOffer, Double opensPerLink) {}

    private final BookingFunnel funnel;

    public FunnelEndpoint(BookingFunnel funnel) {
        this.funnel = funnel;
    }

    @ReadOperation
    public Map<String, Object> funnel(@Nullable Integer days) {
        int shown = days == null ? DEFAULT_DAYS : Math.max(1, Math.min(MOST_DAYS, days));
        List<View> rows = funnel.lastDays(shown).stream()
                .map(d -> new View(
                        d.day().toString(),
                        d.property(),
                        d.offers(),
                        d.links(),
                        d.opens(),
                        rate(d.links(), d.offers()),
                        rate(d.opens(), d.links())))
                .toList();
        return Map.of("days", shown, "funnel", rows);
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
