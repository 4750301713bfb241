package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code get_calendar}: a property's next 30 nights, for "is Casa Pescarului available next month?". */
@Component
class GetCalendarTool implements PropertyTool {

    private final AvailabilityIndex index;

    GetCalendarTool(AvailabilityIndex index) {
        this.index = index;
    }

    @Override
    public McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name("get_calendar")
                .title("30-day calendar")
                .description("""
                        Shows one property's next 30 nights from a start date (today when omitted): free nights, \
                        the longest free stretch, and the free and booked ranges (each range's end is a departure \
                        day). Use it when the guest has no exact dates ("next month", "sometime in July"); \
                        to price a stay or confirm exact dates use search_availability. A free range shorter \
                        than the property's minimumStay cannot be booked on its own.""")
                .inputSchema(json, """
                        {
                          "type": "object",
                          "properties": {
                            "property": {"type": "string", "description": "Property id or name, as the guest wrote it."},
                            "from": {"type": "string", "format": "date", "description": "First night to show, yyyy-MM-dd; today when omitted."}
                          },
                          "required": ["property"],
                          "additionalProperties": false
                        }""")
                .annotations(new McpSchema.ToolAnnotations("30-day calendar", true, false, true, false, null))
                .build();
    }

    @Override
    public Answer call(ToolArguments arguments) {
        String property = arguments.requiredText("property", "Ask the guest which property they mean.");
        LocalDate from = arguments.date("from");
        LocalDate today = index.today();
        CalendarOverview overview = index.current().overview(property, from == null ? today : from, today);
        return new Answer(overview, render(overview));
    }

    private static String render(CalendarOverview o) {
        StringBuilder text = new StringBuilder()
                .append(o.name())
                .append(", ")
                .append(o.from())
                .append(" to ")
                .append(o.to())
                .append(": ")
                .append(o.freeNights())
                .append(" of 30 nights free");
        if (o.longestFreeStretch() != null) {
            text.append("; longest free stretch ").append(range(o.longestFreeStretch()));
        }
        text.append(". Minimum stay ").append(o.minimumStay()).append(" night(s).\n");
        if (!o.freeRanges().isEmpty()) {
            text.append("Free: ").append(ranges(o.freeRanges())).append('\n');
        }
        if (!o.bookedRanges().isEmpty()) {
            text.append("Booked: ").append(ranges(o.bookedRanges()));
        }
        return text.toString().strip();
    }

    private static String ranges(List<DateRange> ranges) {
        return ranges.stream().map(GetCalendarTool::range).collect(Collectors.joining(", "));
    }

    private static String range(DateRange r) {
        return r.start() + " to " + r.end() + " (" + r.nights() + " night(s))";
    }
}
