package org.holidaydesk.assistant.simulator;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.camel.Body;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.reply.SandboxReplies;
import org.springframework.stereotype.Component;

/**
 * The date picker in the sandbox: the range the developer picked on a sandbox reply's Flow becomes the callback
 * Meta sends when a guest completes it ({@code interactive.nfm_reply} with {@code name} "flow", {@code body}
 * "Sent" and the Flow's answer as the {@code response_json} string), answering the message that offered it.
 * The answer holds what {@code flows/dates.json} completes with: the dates, and the property and party it was
 * opened for.
 */
@Component("sandboxFlows")
public class SandboxFlows {

    private final Simulator simulator;
    private final SandboxReplies replies;
    private final WhatsAppProperties whatsApp;

    public SandboxFlows(Simulator simulator, SandboxReplies replies, WhatsAppProperties whatsApp) {
        this.simulator = simulator;
        this.replies = replies;
        this.whatsApp = whatsApp;
    }

    /**
     * {@code {"phone":…,"reply":<reply id>,"checkIn":"yyyy-MM-dd","checkOut":"yyyy-MM-dd"}}: the range must lie in
     * the Flow's window, avoid its unavailable nights and be in order, else it is an {@link IllegalArgumentException} (400).
     */
    public Simulator.Outgoing pick(@Body String body) {
        JsonNode form = Simulator.form(
                body,
                "send JSON: {\"phone\":…,\"reply\":<reply id>,\"checkIn\":\"yyyy-MM-dd\",\"checkOut\":\"yyyy-MM-dd\"}");
        SandboxGuest guest = Simulator.guest(form);
        JsonNode replyId = form.path("reply");
        if (!replyId.canConvertToLong()) {
            throw new IllegalArgumentException("name the reply (its id) whose date picker was used");
        }
        SandboxReplies.OfferedFlow flow = replies.flow(guest.id(), replyId.asLong())
                .orElseThrow(() -> new IllegalArgumentException(
                        "reply " + replyId.asLong() + " to this guest offers no date picker"));
        LocalDate checkIn = date(form, "checkIn");
        LocalDate checkOut = date(form, "checkOut");
        JsonNode data = flow.data();
        if (!checkOut.isAfter(checkIn)
                || checkIn.isBefore(LocalDate.parse(data.path("min_date").asText()))
                || checkOut.isAfter(LocalDate.parse(data.path("max_date").asText()))) {
            throw new IllegalArgumentException("pick an arrival before the departure, within the calendar's dates");
        }
        for (JsonNode taken : data.path("unavailable_dates")) {
            LocalDate night = LocalDate.parse(taken.asText());
            if (!night.isBefore(checkIn) && night.isBefore(checkOut)) {
                throw new IllegalArgumentException("the range holds a taken night: " + night);
            }
        }
        ObjectNode answer = JSON.createObjectNode()
                .put("check_in", checkIn.toString())
                .put("check_out", checkOut.toString())
                .put("property", data.path("property").asText(""))
                .put("guests", data.path("guests").asText(""))
                .put("flow_token", flow.flowToken());
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = simulator.message(root, guest, guest.phone(), "interactive");
        if (flow.messageId() != null) {
            message.putObject("context").put("from", whatsApp.phoneNumberId()).put("id", flow.messageId());
        }
        message.putObject("interactive")
                .put("type", "nfm_reply")
                .putObject("nfm_reply")
                .put("name", "flow")
                .put("body", "Sent")
                .put("response_json", answer.toString());
        return new Simulator.Outgoing(guest.id(), List.of(message.get("id").asText()), List.of(Simulator.write(root)));
    }

    private static LocalDate date(JsonNode form, String field) {
        try {
            return LocalDate.parse(form.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date, yyyy-MM-dd");
        }
    }
}
