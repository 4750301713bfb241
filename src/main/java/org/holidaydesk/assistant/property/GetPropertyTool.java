package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/** {@code get_property}: everything about one property, for "tell me about Vila Franceza". */
@Component
class GetPropertyTool implements PropertyTool {

    private final AvailabilityIndex index;

    GetPropertyTool(AvailabilityIndex index) {
        this.index = index;
    }

    @Override
    public McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name("get_property")
                .title("Property details")
                .description("""
                        Gives one property's details: location, bedrooms, how many guests it sleeps, amenities, \
                        tags, nightly price, minimum stay, a photo URL and a description in English (en) and \
                        Romanian (ro). The property may be given by id, by name or as the guest spelled it; \
                        an unknown name returns the closest names to ask the guest about.""")
                .inputSchema(json, """
                        {
                          "type": "object",
                          "properties": {
                            "property": {"type": "string", "description": "Property id or name, as the guest wrote it (misspellings are fine)."}
                          },
                          "required": ["property"],
                          "additionalProperties": false
                        }""")
                .annotations(new McpSchema.ToolAnnotations("Property details", true, false, true, false, null))
                .build();
    }

    @Override
    public Answer call(ToolArguments arguments) {
        Property p =
                index.current().find(arguments.requiredText("property", "Ask the guest which property they mean."));
        StringBuilder text = new StringBuilder()
                .append(p.name())
                .append(" (")
                .append(p.id())
                .append("), ")
                .append(p.location())
                .append('\n')
                .append(p.rooms())
                .append(" bedroom(s), sleeps ")
                .append(p.maxGuests())
                .append(", ")
                .append(Property.money(p.nightlyPrice(), p.currency()))
                .append("/night, minimum ")
                .append(p.minimumStay())
                .append(" night(s)\n");
        if (!p.amenities().isEmpty()) {
            text.append("Amenities: ").append(String.join(", ", p.amenities())).append('\n');
        }
        if (!p.tags().isEmpty()) {
            text.append("Good for: ").append(String.join(", ", p.tags())).append('\n');
        }
        if (p.description() != null && p.description().en() != null) {
            text.append(p.description().en());
        }
        return new Answer(p, text.toString().strip());
    }
}
