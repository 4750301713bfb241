package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code get_house_guide}: what the business wrote for guests about staying (check-in and check-out times,
 * breakfast, cancellation, deposit and payment, directions, parking, pets, house rules, what is included,
 * the nearest shop, the host's languages, and free questions), for one property or for the business. Only
 * the guide's public part; a fact no guide has is listed as not in the guide, never guessed.
 */
@Component
class GetHouseGuideTool implements PropertyTool {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final AvailabilityIndex index;
    private final HouseGuides guides;

    GetHouseGuideTool(AvailabilityIndex index, HouseGuides guides) {
        this.index = index;
        this.guides = guides;
    }

    @Override
    public McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name("get_house_guide")
                .title("House guide")
                .description("""
                        Gives the business's own answers to practical questions about a stay, under keys that name \
                        each fact: checkIn, checkOut, breakfast, cancellation, payment (deposit and payment), \
                        directions, parking, pets, houseRules, included, nearby (nearest shop or restaurant), \
                        languages (that the host speaks), plus questions (free question-and-answer pairs). Give a \
                        property for its guide (its own facts, else the business's); omit it for the business-wide \
                        guide, where facts that differ between properties come per property in byProperty. A fact \
                        listed in notInGuide is not known: say so and give the business's contact, never guess.""")
                .inputSchema(json, """
                        {
                          "type": "object",
                          "properties": {
                            "property": {"type": "string", "description": "Property id or name as the guest wrote it; omit for the whole business."},
                            "language": {"type": "string", "description": "The guest's language as a two-letter code (en, ro, de, ...): texts written in it are preferred."}
                          },
                          "additionalProperties": false
                        }""")
                .annotations(new McpSchema.ToolAnnotations("House guide", true, false, true, false, null))
                .build();
    }

    @Override
    public Answer call(ToolArguments arguments) {
        String language = arguments.text("language");
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new PropertyRequestException(
                    "language \"" + language + "\" is not a two-letter language code such as "
                            + "en, ro or de. Omit it to get the texts in English.");
        }
        AvailabilitySearch search = index.current();
        String asked = arguments.text("property");
        HouseGuides.Answer answer = asked == null
                ? guides.ofBusiness(search.properties(), language)
                : guides.of(search.find(asked), language);
        return new Answer(answer, render(answer));
    }

    static String render(HouseGuides.Answer answer) {
        StringBuilder text = new StringBuilder(
                answer.name() == null
                        ? "House guide of the business"
                        : "House guide of " + answer.name() + " (" + answer.propertyId() + ")");
        answer.facts()
                .forEach((key, fact) ->
                        text.append('\n').append(key).append(": ").append(fact.text()));
        for (Map.Entry<String, List<HouseGuides.PropertyFact>> differing :
                answer.byProperty().entrySet()) {
            text.append('\n').append(differing.getKey()).append(" (differs by property):");
            differing
                    .getValue()
                    .forEach(p -> text.append("\n- ")
                            .append(p.name())
                            .append(": ")
                            .append(p.text() == null ? "not in the guide" : p.text()));
        }
        answer.questions()
                .forEach(q -> text.append("\nQ: ")
                        .append(q.question())
                        .append("\nA: ")
                        .append(q.answer()));
        if (!answer.notInGuide().isEmpty()) {
            text.append("\nNot in the guide (do not guess): ").append(String.join(", ", answer.notInGuide()));
        }
        return text.toString();
    }
}
