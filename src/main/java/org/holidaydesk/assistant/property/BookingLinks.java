package org.holidaydesk.assistant.property;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.config.ConfigurationProblemException;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the link to the business's own booking page ({@code BOOKING_URL_TEMPLATE}) for a property,
 * dates and party. The link only pre-fills the booking page: it reserves nothing.
 *
 * <p>Placeholders: {@code {propertyId}} the property's id in the booking system (its catalog
 * {@code bookingId}, else its catalog id), {@code {checkIn}} and {@code {checkOut}} as yyyy-MM-dd,
 * {@code {nights}} and {@code {guests}}. Values are URL-encoded. An unknown placeholder stops the start.
 */
@Component
class BookingLinks {

    static final Set<String> PLACEHOLDERS = Set.of("propertyId", "checkIn", "checkOut", "nights", "guests");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String template;

    @Autowired
    BookingLinks(PropertyProperties properties) {
        this(properties.bookingUrlTemplate());
    }

    BookingLinks(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new ConfigurationProblemException(List.of("BOOKING_URL_TEMPLATE has an unknown placeholder {"
                        + matcher.group(1) + "}; use {propertyId}, {checkIn}, {checkOut}, {nights} and {guests}"));
            }
        }
        try {
            URI.create(fill(
                    template,
                    Map.of(
                            "propertyId",
                            "1",
                            "checkIn",
                            "2026-01-01",
                            "checkOut",
                            "2026-01-02",
                            "nights",
                            "1",
                            "guests",
                            "1")));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblemException(
                    List.of("BOOKING_URL_TEMPLATE is not a valid URL: " + e.getMessage()));
        }
        this.template = template;
    }

    String linkFor(Property property, LocalDate checkIn, LocalDate checkOut, int guests) {
        return fill(
                template,
                Map.of(
                        "propertyId", property.bookingSystemId(),
                        "checkIn", checkIn.toString(),
                        "checkOut", checkOut.toString(),
                        "nights", Integer.toString(new DateRange(checkIn, checkOut).nights()),
                        "guests", Integer.toString(guests)));
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (matcher.find()) {
            String value = URLEncoder.encode(values.get(matcher.group(1)), StandardCharsets.UTF_8);
            matcher.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(url);
        return url.toString();
    }
}
