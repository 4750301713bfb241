package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The property catalog, its calendars and the availability tools built on them.
 *
 * @param catalog            {@code PROPERTY_CATALOG}: the catalog file, {@code classpath:}, {@code file:} or a plain path
 * @param bookingUrlTemplate {@code BOOKING_URL_TEMPLATE}: the business's booking page, with placeholders
 *                           {@code {propertyId} {checkIn} {checkOut} {nights} {guests}}
 * @param timeZone           {@code PROPERTY_TIME_ZONE}: where the properties are, which decides what "today" is
 * @param calendarRefresh    {@code PROPERTY_CALENDAR_REFRESH}: how often iCalendar feeds are imported again
 *                           and the availability index is rebuilt from the database
 * @param calendarFirstImportDelay how long after the start the feeds are first imported
 * @param feedTimeout        how long one iCalendar feed may take to download
 * @param horizonDays        how far ahead calendars are expanded (recurring events) and searches may ask
 * @param maxNights          the longest stay a search accepts
 * @param maxResults         the most properties one answer lists, so that answers stay short for the model
 */
@Validated
@ConfigurationProperties("assistant.property")
public record PropertyProperties(
        @NotBlank(message = "set PROPERTY_CATALOG to the catalog file")
        String catalog,

        @NotBlank
        @Pattern(
                regexp = "https?://\\S+",
                message =
                        "BOOKING_URL_TEMPLATE must be an http(s) URL such as "
                                + "https://beds24.com/booking2.php?propid={propertyId}&checkin={checkIn}&checkout={checkOut}&numadult={guests}")
        String bookingUrlTemplate,

        @NotNull ZoneId timeZone,
        @NotNull Duration calendarRefresh,
        @NotNull Duration calendarFirstImportDelay,
        @NotNull Duration feedTimeout,
        @Min(60) @Max(1830) int horizonDays,
        @Min(1) @Max(365) int maxNights,
        @Min(1) @Max(100) int maxResults) {}
