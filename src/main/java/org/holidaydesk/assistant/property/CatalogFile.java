package org.holidaydesk.assistant.property;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.holidaydesk.assistant.config.JsonMappers;

/**
 * The catalog file the business edits: its properties, bookings to block and iCalendar feeds. YAML
 * (so that it can carry comments) or JSON. Bookings may be written relative to the day the catalog is
 * loaded ({@code inDays} + {@code nights}), which keeps a demo catalog showing free and busy dates on
 * any day, or as fixed dates ({@code checkIn} + {@code checkOut}).
 *
 * <p>Unknown fields are refused: a misspelt {@code maxGuest} should stop the start, not be ignored. A house
 * {@link Guide} may be written once for the whole business ({@code guide} beside {@code properties}) and per
 * property; a malformed one is refused with its line.
 */
record CatalogFile(@NotEmpty List<@Valid Entry> properties, Guide guide) {

    record Entry(
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lowercase letters, digits and hyphens")
            String id,

            @NotBlank String name,
            List<@NotBlank String> aliases,
            @NotBlank String location,
            @NotNull @Min(0) Integer rooms,
            @NotNull @Min(1) Integer maxGuests,
            List<@NotBlank String> amenities,
            List<@NotBlank String> tags,
            @NotNull @DecimalMin("0") BigDecimal nightlyPrice,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as RON or EUR")
            String currency,

            @Min(1) @Max(365) Integer minimumStay,
            String photoUrl,
            Property.Description description,
            String bookingId,
            List<@NotBlank String> calendars,
            List<@Valid BookingEntry> bookings,
            Guide guide) {

        Property toProperty() {
            return new Property(
                    id,
                    name,
                    orEmpty(aliases),
                    location,
                    rooms,
                    maxGuests,
                    orEmpty(amenities),
                    orEmpty(tags),
                    nightlyPrice,
                    currency,
                    minimumStay == null ? 1 : minimumStay,
                    photoUrl,
                    description == null ? new Property.Description(null, null) : description,
                    bookingId);
        }
    }

    /** Either {@code inDays} and {@code nights}, or {@code checkIn} and {@code checkOut}. */
    record BookingEntry(
            @Min(-3650) @Max(3650) Integer inDays,
            @Min(1) @Max(365) Integer nights,
            LocalDate checkIn,
            LocalDate checkOut,
            String note) {

        boolean relative() {
            return inDays != null && nights != null && checkIn == null && checkOut == null;
        }

        boolean absolute() {
            return inDays == null && nights == null && checkIn != null && checkOut != null && checkOut.isAfter(checkIn);
        }

        BlockedRange resolve(String propertyId, LocalDate today) {
            LocalDate start = relative() ? today.plusDays(inDays) : checkIn;
            LocalDate end = relative() ? start.plusDays(nights) : checkOut;
            return new BlockedRange(propertyId, start, end, BlockSource.CATALOG);
        }
    }

    static CatalogFile read(InputStream in, String location) throws IOException {
        String lower = location.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".json") ? JsonMappers.JSON : JsonMappers.YAML;
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            // a field the catalog does not know is a mistake of the business's to point out, not to pass over
            return mapper.readerFor(CatalogFile.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new Malformed(describe(e, text), e);
        }
    }

    /** A catalog file that cannot be read as a catalog; the message says where and what is wrong. */
    static final class Malformed extends IOException {

        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What a file that cannot be read gets wrong, where: "line 12, column 7: properties[0].guide.chekIn: not a
     * guide fact; the facts are checkIn, checkOut, ...".
     */
    static String describe(JsonProcessingException e, String text) {
        StringBuilder where = new StringBuilder();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            int line = location.getLineNr();
            int column = location.getColumnNr();
            if (e instanceof UnrecognizedPropertyException unknown) {
                // the parser has already read past the unknown field's value: find the field's own line
                List<String> lines = text.lines().toList();
                for (int at = Math.min(line, lines.size()); at >= 1; at--) {
                    int found = lines.get(at - 1).indexOf(unknown.getPropertyName() + ":");
                    if (found >= 0) {
                        line = at;
                        column = found + 1;
                        break;
                    }
                }
            }
            where.append("line ")
                    .append(line)
                    .append(", column ")
                    .append(column)
                    .append(": ");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where.append(path(mapping.getPath())).append(": ");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            boolean inGuide = unknown.getReferringClass() == Guide.class;
            List<String> known = unknown.getKnownPropertyIds() == null
                    ? List.of()
                    : unknown.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .toList();
            return where
                    + (inGuide
                            ? "not a guide fact; the facts are " + String.join(", ", Guide.FACTS.keySet())
                                    + ", with questions and private"
                            : "unknown field; the fields here are " + String.join(", ", known));
        }
        return where + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** The business-wide guide, and each property's by id; empty guides for those the file gives none. */
    HouseGuides.Catalog guides() {
        Map<String, Guide> byProperty = new LinkedHashMap<>();
        for (Entry entry : properties) {
            byProperty.put(entry.id(), entry.guide() == null ? Guide.NONE : entry.guide());
        }
        return new HouseGuides.Catalog(guide == null ? Guide.NONE : guide, byProperty);
    }

    /** Everything wrong with the file, each naming the property and field; empty when it can be loaded. */
    List<String> problems(Validator validator) {
        List<String> problems = new ArrayList<>();
        validator
                .validate(this)
                .forEach(v -> problems.add(describe(v.getPropertyPath().toString()) + ": " + v.getMessage()));
        if (properties == null) {
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            Entry entry = properties.get(i);
            if (entry == null) {
                problems.add("properties[" + i + "] is empty");
                continue;
            }
            if (entry.id() != null && !ids.add(entry.id())) {
                problems.add("properties[" + i + "].id: " + entry.id() + " appears twice");
            }
            List<BookingEntry> bookings = orEmpty(entry.bookings());
            for (int b = 0; b < bookings.size(); b++) {
                BookingEntry booking = bookings.get(b);
                if (booking == null || !(booking.relative() || booking.absolute())) {
                    problems.add(describe("properties[" + i + "].bookings[" + b + "]")
                            + ": give either inDays and nights, or checkIn and a later checkOut");
                }
            }
        }
        return problems;
    }

    /** The bookings written in the file, as dates counted from {@code today}. */
    List<BlockRepository.Booking> bookings(LocalDate today) {
        List<BlockRepository.Booking> all = new ArrayList<>();
        for (Entry entry : properties) {
            for (BookingEntry booking : orEmpty(entry.bookings())) {
                all.add(new BlockRepository.Booking(booking.resolve(entry.id(), today), booking.note()));
            }
        }
        return all;
    }

    List<CalendarFeed> feeds() {
        return properties.stream()
                .flatMap(entry ->
                        orEmpty(entry.calendars()).stream().map(location -> new CalendarFeed(entry.id(), location)))
                .toList();
    }

    private String describe(String path) {
        if (properties == null || !path.startsWith("properties[")) {
            return path;
        }
        int close = path.indexOf(']');
        try {
            Entry entry = properties.get(Integer.parseInt(path.substring("properties[".length(), close)));
            return entry == null || entry.id() == null ? path : path + " (" + entry.id() + ")";
        } catch (RuntimeException notAnIndex) {
            return path;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
