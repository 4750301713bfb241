package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code search_availability}: "is anything free from June 15 to 20 for 2?", "is Casa Pescarului free then?". */
@Component
class SearchAvailabilityTool implements PropertyTool {

    private final AvailabilityIndex index;

    SearchAvailabilityTool(AvailabilityIndex index) {
        this.index = index;
    }

    @Override
    public McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name("search_availability")
                .title("Search availability")
                .description("""
                        Checks which properties are free for a stay and what it costs in total. Use it for every \
                        question about free dates; never guess availability. checkOut is the departure day, not \
                        a night stayed (June 15 to June 20 is 5 nights). Give property to check one property \
                        (id, name or the guest's spelling); omit it to see every property that fits. When the \
                        stay does not work, the result says why (booked, too many guests, below the minimum stay) \
                        and offers alternatives: the same property on nearby dates (same length, starting up to \
                        10 days earlier or 20 days later, nearest first) and other properties free on the asked \
                        dates. Stays are limited to 30 nights and cannot start in the past.""")
                .inputSchema(json, """
                        {
                          "type": "object",
                          "properties": {
                            "checkIn": {"type": "string", "format": "date", "description": "Arrival date, yyyy-MM-dd."},
                            "checkOut": {"type": "string", "format": "date", "description": "Departure date, yyyy-MM-dd; after checkIn."},
                            "guests": {"type": "integer", "description": "Number of guests staying, at least 1."},
                            "property": {"type": "string", "description": "Optional: the one property to check, by id or name as the guest wrote it."}
                          },
                          "required": ["checkIn", "checkOut", "guests"],
                          "additionalProperties": false
                        }""")
                .annotations(new McpSchema.ToolAnnotations("Search availability", true, false, true, false, null))
                .build();
    }

    @Override
    public Answer call(ToolArguments arguments) {
        var checkIn = arguments.requiredDate("checkIn", "Ask the guest on which day they arrive.");
        var checkOut = arguments.requiredDate("checkOut", "Ask the guest on which day they leave.");
        int guests = arguments.requiredCount("guests", "Ask the guest how many people will stay.");
        SearchResult result =
                index.current().search(checkIn, checkOut, guests, arguments.text("property"), index.today());
        return new Answer(result, render(result));
    }

    static String render(SearchResult result) {
        String stay = result.checkIn() + " to " + result.checkOut() + " (" + result.nights() + " night(s), "
                + result.guests() + " guest(s))";
        StringBuilder text = new StringBuilder();
        SearchResult.Requested requested = result.requested();
        if (requested != null) {
            text.append(requested.name())
                    .append(", ")
                    .append(stay)
                    .append(": ")
                    .append(
                            switch (requested.status()) {
                                case AVAILABLE -> "free.";
                                case BOOKED -> "booked.";
                                case TOO_MANY_GUESTS -> "sleeps at most " + requested.maxGuests() + " guests.";
                                case BELOW_MINIMUM_STAY -> "needs at least " + requested.minimumStay() + " nights.";
                            })
                    .append('\n');
        } else if (result.available().isEmpty()) {
            text.append("Nothing is free for ").append(stay).append(".\n");
        } else {
            text.append(result.totalAvailable())
                    .append(" free for ")
                    .append(stay)
                    .append(":\n");
        }
        text.append(lines(result.available()));
        if (!result.alternatives().nearbyDates().isEmpty()) {
            text.append("Nearby dates:\n").append(lines(result.alternatives().nearbyDates()));
        }
        if (!result.alternatives().otherProperties().isEmpty()) {
            text.append("Other properties free on these dates:\n")
                    .append(lines(result.alternatives().otherProperties()));
        }
        if (requested != null
                && requested.status() != SearchResult.Status.AVAILABLE
                && result.alternatives().isEmpty()) {
            text.append("No alternative fits either.");
        }
        return text.toString().strip();
    }

    private static String lines(List<Offer> offers) {
        return offers.stream()
                .map(o -> "- " + o.name() + ": " + o.checkIn() + " to " + o.checkOut() + ", " + o.nights()
                        + " night(s), "
                        + Property.money(o.totalPrice(), o.currency()) + " total"
                        + (o.shiftDays() == 0 ? "" : " (" + (o.shiftDays() > 0 ? "+" : "") + o.shiftDays() + " days)")
                        + "\n")
                .collect(Collectors.joining());
    }
}
