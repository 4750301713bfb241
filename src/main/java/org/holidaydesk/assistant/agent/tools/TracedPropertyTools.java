package org.holidaydesk.assistant.agent.tools;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** The property tools over MCP, each call recorded for the turn's trace when the offline agent makes it. */
@Primary
@Component
class TracedPropertyTools implements PropertyTools {

    private final McpPropertyTools tools;
    private final OfflineToolCalls calls;

    TracedPropertyTools(McpPropertyTools tools, OfflineToolCalls calls) {
        this.tools = tools;
        this.calls = calls;
    }

    @Override
    public List<PropertySummary> listProperties() {
        return calls.call("list_properties", Map.of(), tools::listProperties);
    }

    @Override
    public Availability search(LocalDate checkIn, LocalDate checkOut, int guests, String property) {
        Map<String, Object> arguments = stay(checkIn, checkOut, guests);
        if (property != null && !property.isBlank()) {
            arguments.put("property", property);
        }
        return calls.call("search_availability", arguments, () -> tools.search(checkIn, checkOut, guests, property));
    }

    @Override
    public Calendar calendar(String property, LocalDate from) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("property", property);
        if (from != null) {
            arguments.put("from", from.toString());
        }
        return calls.call("get_calendar", arguments, () -> tools.calendar(property, from));
    }

    @Override
    public PropertyDetails details(String property) {
        return calls.call(
                "get_property",
                java.util.Collections.singletonMap("property", property),
                () -> tools.details(property));
    }

    @Override
    public HouseGuide guide(String property, String language) {
        return calls.call(
                "get_house_guide",
                McpPropertyTools.guideArguments(property, language),
                () -> tools.guide(property, language));
    }

    @Override
    public BookingLink bookingLink(String property, LocalDate checkIn, LocalDate checkOut, int guests) {
        Map<String, Object> arguments = stay(checkIn, checkOut, guests);
        arguments.put("property", property);
        return calls.call(
                "create_booking_link", arguments, () -> tools.bookingLink(property, checkIn, checkOut, guests));
    }

    private static Map<String, Object> stay(LocalDate checkIn, LocalDate checkOut, int guests) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("checkIn", String.valueOf(checkIn));
        arguments.put("checkOut", String.valueOf(checkOut));
        arguments.put("guests", guests);
        return arguments;
    }
}
