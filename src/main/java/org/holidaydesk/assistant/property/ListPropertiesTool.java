package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code list_properties}: what the business offers, for "what do you have?", "anything for a family?" and
 * "which ones have parking?".
 */
@Component
class ListPropertiesTool implements PropertyTool {

    record Summary(
            String id,
            String name,
            String location,
            int rooms,
            int maxGuests,
            BigDecimal nightlyPrice,
            String currency,
            int minimumStay,
            List<String> tags,
            List<String> amenities) {

        static Summary of(Property p) {
            return new Summary(
                    p.id(),
                    p.name(),
                    p.location(),
                    p.rooms(),
                    p.maxGuests(),
                    p.nightlyPrice(),
                    p.currency(),
                    p.minimumStay(),
                    p.tags(),
                    p.amenities());
        }
    }

    record Listing(int count, List<Summary> properties, List<String> tagsInUse) {}

    private final AvailabilityIndex index;

    ListPropertiesTool(AvailabilityIndex index) {
        this.index = index;
    }

    @Override
    public McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name("list_properties")
                .title("List properties")
                .description("""
                        Lists the business's holiday properties with location, bedrooms, how many guests each \
                        sleeps, nightly price, minimum stay, tags and amenities. Use it when the guest asks what \
                        is on offer or wants a kind of place (romantic, family, pet-friendly, with parking, ...). \
                        It says nothing about free dates: use search_availability for that.""")
                .inputSchema(json, """
                        {
                          "type": "object",
                          "properties": {
                            "tag": {"type": "string", "description": "Only properties with this tag, e.g. romantic, family, pet-friendly. Omit to list all."},
                            "guests": {"type": "integer", "description": "Only properties that sleep at least this many guests. Omit to list all."}
                          },
                          "additionalProperties": false
                        }""")
                .annotations(new McpSchema.ToolAnnotations("List properties", true, false, true, false, null))
                .build();
    }

    @Override
    public Answer call(ToolArguments arguments) {
        AvailabilitySearch search = index.current();
        List<Property> found = search.list(arguments.text("tag"), arguments.count("guests"));
        List<String> tags = List.copyOf(search.properties().stream()
                .flatMap(p -> p.tags().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
        Listing listing =
                new Listing(found.size(), found.stream().map(Summary::of).toList(), tags);
        return new Answer(listing, render(found, tags));
    }

    private static String render(List<Property> found, List<String> tags) {
        if (found.isEmpty()) {
            return "No property matches. Tags in use: " + String.join(", ", tags) + ".";
        }
        return found.size() + " properties:\n"
                + found.stream()
                        .map(p -> "- " + p.name() + " (" + p.id() + "), " + p.location() + ": sleeps " + p.maxGuests()
                                + ", "
                                + Property.money(p.nightlyPrice(), p.currency()) + "/night, minimum " + p.minimumStay()
                                + " night(s)"
                                + (p.tags().isEmpty() ? "" : "; " + String.join(", ", p.tags()))
                                + (p.amenities().isEmpty() ? "" : "; has " + String.join(", ", p.amenities())))
                        .collect(Collectors.joining("\n"));
    }
}
