package org.holidaydesk.assistant.reply;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.springframework.stereotype.Component;

/**
 * The Cloud API request for a queued reply: where it goes ({@code /{version}/{phone_number_id}/messages}
 * of the number the guest wrote to), its bearer token, and its JSON, shaped as Meta documents a text
 * message, an interactive message (reply buttons or a list) and a read receipt with typing indicator.
 */
@Component("cloudApiRequests")
public class CloudApiRequests {

    private final WhatsAppProperties whatsApp;
    private final String handoffWebhook;

    public CloudApiRequests(WhatsAppProperties whatsApp) {
        this(whatsApp, (String) null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public CloudApiRequests(WhatsAppProperties whatsApp, org.holidaydesk.assistant.config.HandoffProperties handoff) {
        this(whatsApp, handoff.webhookUrl());
    }

    private CloudApiRequests(WhatsAppProperties whatsApp, String handoffWebhook) {
        this.whatsApp = whatsApp;
        this.handoffWebhook = handoffWebhook;
    }

    /**
     * Without an access token replies stay in the local sandbox instead of going to Meta; handoff notes
     * go to the business's webhook either way.
     */
    public boolean sandboxed(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        return !whatsApp.hasAccessToken() && !row.handoffNote();
    }

    /** True for a WhatsApp message, which carries the Cloud API token; never sent to the handoff webhook. */
    public boolean toMeta(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        return !row.handoffNote();
    }

    public String url(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        if (row.handoffNote()) {
            return handoffWebhook;
        }
        return whatsApp.graphUrl(sender(row) + (row.threadControl() ? "/thread_control" : "/messages"));
    }

    /** The business number a WhatsApp message goes out from: the one the guest wrote to, else the configured one. */
    String sender(OutboundMessage row) {
        return row.phoneNumberId() == null || row.phoneNumberId().isBlank()
                ? whatsApp.phoneNumberId()
                : row.phoneNumberId();
    }

    public String authorization() {
        return "Bearer " + whatsApp.accessToken();
    }

    public String body(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        if (row.handoffNote()) {
            return row.body();
        }
        if (row.readReceipt()) {
            return write(readReceipt(row.inReplyTo()));
        }
        if (row.interactive()) {
            return write(interactive(row.recipient(), InteractiveMessages.read(row.body())));
        }
        if (row.threadControl()) {
            return write(threadControl(row.recipient(), InteractiveMessages.read(row.body())));
        }
        if (Outbox.TEMPLATE.equals(row.kind())) {
            return write(template(row.recipient(), InteractiveMessages.read(row.body())));
        }
        return write(text(row.recipient(), row.body()));
    }

    /** An approved template by name and language, as Meta documents a template message. */
    static ObjectNode template(String to, com.fasterxml.jackson.databind.JsonNode template) {
        ObjectNode request = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to)
                .put("type", "template");
        request.set("template", template);
        return request;
    }

    /**
     * A thread-control request as Meta documents it (Conversation Routing, "Thread control"): the guest by phone
     * number ({@code to}) or, without one, by business-scoped user id ({@code recipient}), and the action.
     */
    static ObjectNode threadControl(String guest, com.fasterxml.jackson.databind.JsonNode control) {
        ObjectNode request = JSON.createObjectNode().put("messaging_product", "whatsapp");
        request.put(guest.chars().allMatch(Character::isDigit) ? "to" : "recipient", guest);
        request.put("action", control.path("action").asText());
        if (control.hasNonNull("metadata")) {
            request.put("metadata", control.path("metadata").asText());
        }
        return request;
    }

    static ObjectNode text(String to, String body) {
        ObjectNode request = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to)
                .put("type", "text");
        request.putObject("text").put("preview_url", false).put("body", body);
        return request;
    }

    static ObjectNode interactive(String to, ObjectNode interactive) {
        ObjectNode request = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to)
                .put("type", "interactive");
        request.set("interactive", interactive);
        return request;
    }

    static ObjectNode readReceipt(String messageId) {
        ObjectNode request = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("status", "read")
                .put("message_id", messageId);
        request.putObject("typing_indicator").put("type", "text");
        return request;
    }

    private static String write(ObjectNode request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Cloud API request", e);
        }
    }
}
