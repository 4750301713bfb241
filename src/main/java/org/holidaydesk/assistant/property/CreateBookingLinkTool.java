package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * {@code create_booking_link}: the business's booking page pre-filled for a stay that is free. Refuses
 * stays the calendar shows as impossible, so a guest is never sent to book dates that are taken.
 */
@Component
class CreateBookingLinkTool implements PropertyTool {

    static final String RESERVES_NOTHING = "This link only opens the booking page with these details filled in; "
            + "nothing is reserved until the guest completes the booking there.";

    record BookingLink(
            String propertyId,
            String name,
            LocalDate checkIn,
            LocalDate checkOut,
            int nights,
            int guests,
            BigDecimal totalPrice,
            String currency,
            String url,
            boolean reserved,
            String note) {}

    private final AvailabilityIndex index;
    private final BookingLinks links;

    CreateBookingLinkTool(AvailabilityIndex index, BookingLinks links) {
        this.index = index;
        this.links = links;
    }

    @Override
    public McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name("create_booking_link")
                .title("Booking link")
                .description("""
                        Makes a link to the business's booking page for a property, dates and number of guests, \
                        for when the guest wants to book. It does NOT reserve or hold anything: tell the guest \
                        the stay is booked only once they complete the booking on that page. Only works for \
                        stays that are free (check with search_availability first); otherwise it says why.""")
                .inputSchema(json, """
                        {
                          "type": "object",
                          "properties": {
                            "property": {"type": "string", "description": "Property id or name, as the guest wrote it."},
                            "checkIn": {"type": "string", "format": "date", "description": "Arrival date, yyyy-MM-dd."},
                            "checkOut": {"type": "string", "format": "date", "description": "Departure date, yyyy-MM-dd; after checkIn."},
                            "guests": {"type": "integer", "description": "Number of guests staying, at least 1."}
                          },
                          "required": ["property", "checkIn", "checkOut", "guests"],
                          "additionalProperties": false
                        }""")
                .annotations(new McpSchema.ToolAnnotations("Booking link", true, false, true, false, null))
                .build();
    }

    @Override
    public Answer call(ToolArguments arguments) {
        String name = arguments.requiredText("property", "Ask the guest which property they want to book.");
        LocalDate checkIn = arguments.requiredDate("checkIn", "Ask the guest on which day they arrive.");
        LocalDate checkOut = arguments.requiredDate("checkOut", "Ask the guest on which day they leave.");
        int guests = arguments.requiredCount("guests", "Ask the guest how many people will stay.");
        AvailabilitySearch search = index.current();
        search.checkStay(checkIn, checkOut, guests, index.today());
        Property property = search.find(name);
        int nights = new DateRange(checkIn, checkOut).nights();
        switch (search.statusOf(property, guests, nights, checkIn, checkOut)) {
            case AVAILABLE -> {}
            case BOOKED ->
                throw new PropertyRequestException(property.name() + " is not free from " + checkIn + " to " + checkOut
                        + ". Do not send a link; call search_availability to offer nearby dates or other properties.");
            case TOO_MANY_GUESTS ->
                throw new PropertyRequestException(property.name() + " sleeps at most " + property.maxGuests()
                        + " guests. Ask whether fewer will come, or call search_availability for a larger property.");
            case BELOW_MINIMUM_STAY ->
                throw new PropertyRequestException(property.name() + " is booked for at least " + property.minimumStay()
                        + " nights. Ask the guest whether they can stay longer.");
        }
        String url = links.linkFor(property, checkIn, checkOut, guests);
        BookingLink link = new BookingLink(
                property.id(),
                property.name(),
                checkIn,
                checkOut,
                nights,
                guests,
                property.priceFor(nights),
                property.currency(),
                url,
                false,
                RESERVES_NOTHING);
        String text = "Booking page for " + property.name() + ", " + checkIn + " to " + checkOut + " (" + nights
                + " night(s), " + guests + " guest(s), " + Property.money(link.totalPrice(), link.currency()) + "): "
                + url
                + "\n" + RESERVES_NOTHING;
        return new Answer(link, text);
    }
}
