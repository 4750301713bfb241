package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evaluation's property world ({@code eval/world.yaml}) anchored to one "today": the catalog and the
 * iCalendar feeds the service is started with, and the judge's ground truth about them. Nothing here asks
 * the service: a stay is free when the world says so.
 */
public final class World {

    static final YAMLMapper YAML =
            (YAMLMapper) new YAMLMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A property as the judge sees it: its names, size, price and blocked nights. */
    public record Place(
            String id,
            String name,
            List<String> aliases,
            int maxGuests,
            BigDecimal nightlyPrice,
            String currency,
            int minimumStay,
            String bookingId,
            List<LocalDate[]> blocked) {

        List<String> names() {
            List<String> names = new ArrayList<>(aliases);
            names.add(0, name);
            return names;
        }

        boolean freeFor(LocalDate in, LocalDate out, int guests) {
            int nights = (int) (out.toEpochDay() - in.toEpochDay());
            if (nights < 1 || nights < minimumStay || guests > maxGuests) {
                return false;
            }
            return blocked.stream().noneMatch(b -> in.isBefore(b[1]) && b[0].isBefore(out));
        }
    }

    private final JsonNode source;
    private final LocalDate today;
    private final ZoneId zone;
    private final List<Place> places = new ArrayList<>();

    private World(JsonNode source, LocalDate today) {
        this.source = source;
        this.today = today;
        this.zone = ZoneId.of(source.path("timeZone").asText("Europe/Bucharest"));
        for (JsonNode p : source.path("properties")) {
            List<LocalDate[]> blocked = new ArrayList<>();
            for (JsonNode b : p.path("blocked")) {
                LocalDate start = today.plusDays(b.path("inDays").asInt());
                blocked.add(
                        new LocalDate[] {start, start.plusDays(b.path("nights").asInt())});
            }
            List<String> aliases = new ArrayList<>();
            p.path("aliases").forEach(a -> aliases.add(a.asText()));
            places.add(new Place(
                    p.path("id").asText(),
                    p.path("name").asText(),
                    aliases,
                    p.path("maxGuests").asInt(),
                    p.path("nightlyPrice").decimalValue(),
                    p.path("currency").asText(),
                    p.path("minimumStay").asInt(1),
                    p.hasNonNull("bookingId")
                            ? p.path("bookingId").asText()
                            : p.path("id").asText(),
                    blocked));
        }
    }

    /** The world of {@code file} with today's date where its properties are. */
    public static World load(Path file) {
        try {
            JsonNode source = YAML.readTree(file.toFile());
            ZoneId zone = ZoneId.of(source.path("timeZone").asText("Europe/Bucharest"));
            return new World(source, LocalDate.now(zone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same world on another day (the judge's tests fix it). */
    public World on(LocalDate day) {
        return new World(source, day);
    }

    public LocalDate today() {
        return today;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Place> places() {
        return places;
    }

    public String businessContact() {
        return source.path("businessContact").asText("+40 700 000 999");
    }

    public String bookingHost() {
        return source.path("bookingHost").asText("book.holidaydesk.example");
    }

    /** {@code BOOKING_URL_TEMPLATE} of the run: every part of a stay in the link, so the judge can read it back. */
    public String bookingUrlTemplate() {
        return "https://" + bookingHost()
                + "/book?property={propertyId}&checkin={checkIn}&checkout={checkOut}&guests={guests}";
    }

    public Optional<Place> place(String id) {
        return places.stream()
                .filter(p -> p.id().equals(id) || p.bookingId().equals(id))
                .findFirst();
    }

    /** The properties free for the stay that sleep the party. */
    public List<Place> freeFor(LocalDate in, LocalDate out, int guests) {
        return places.stream().filter(p -> p.freeFor(in, out, guests)).toList();
    }

    public int largestParty() {
        return places.stream().mapToInt(Place::maxGuests).max().orElse(0);
    }

    /**
     * Writes the catalog and one iCalendar feed per property into {@code folder}; returns the catalog's path
     * (for {@code PROPERTY_CATALOG}).
     */
    public Path writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            ObjectNode catalog = YAML.createObjectNode();
            ArrayNode properties = catalog.putArray("properties");
            for (JsonNode p : source.path("properties")) {
                ObjectNode entry = ((ObjectNode) p.deepCopy());
                entry.remove("blocked");
                String id = p.path("id").asText();
                Path feed = folder.resolve(id + ".ics");
                Files.writeString(feed, ics(place(id).orElseThrow()));
                entry.putArray("calendars").add("file:" + feed.toAbsolutePath());
                properties.add(entry);
            }
            Path file = folder.resolve("catalog.yaml");
            YAML.writeValue(file.toFile(), catalog);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ics(Place place) {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//holidaydesk//eval//EN\r\n");
        int n = 0;
        for (LocalDate[] range : place.blocked()) {
            out.append("BEGIN:VEVENT\r\nUID:eval-")
                    .append(place.id())
                    .append('-')
                    .append(++n)
                    .append("\r\n")
                    .append("DTSTAMP:20260101T000000Z\r\n")
                    .append("DTSTART;VALUE=DATE:")
                    .append(ICS_DATE.format(range[0]))
                    .append("\r\n")
                    .append("DTEND;VALUE=DATE:")
                    .append(ICS_DATE.format(range[1]))
                    .append("\r\n")
                    .append("SUMMARY:Not available\r\nEND:VEVENT\r\n");
        }
        return out.append("END:VCALENDAR\r\n").toString();
    }
}
