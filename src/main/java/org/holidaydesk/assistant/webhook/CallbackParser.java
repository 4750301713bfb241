package org.holidaydesk.assistant.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.webhook.CallbackPayload.Contact;
import org.holidaydesk.assistant.webhook.CallbackPayload.Message;
import org.holidaydesk.assistant.webhook.CallbackPayload.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Splits a validated callback into what the pipeline handles: entries → changes → guest messages and
 * delivery statuses, in the order Meta listed them. Changes of other fields are skipped; value-level
 * errors are logged (Meta reports them for the whole number, there is no one to answer). A message
 * without an id is kept under one derived from its content ({@link DerivedMessageId}).
 */
@Component("callbackParser")
public class CallbackParser {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackParser.class);
    private static final String MESSAGES_FIELD = "messages";
    private static final String ECHOES_FIELD = "smb_message_echoes";

    /** Guest messages and delivery statuses, in callback order. */
    public List<Object> items(CallbackPayload payload) {
        List<Object> items = new ArrayList<>();
        for (CallbackPayload.Entry entry : payload.entry()) {
            for (CallbackPayload.Change change : entry.changes()) {
                if (ECHOES_FIELD.equals(change.field()) && change.value() != null) {
                    echoes(change.value(), items);
                    continue;
                }
                if (!MESSAGES_FIELD.equals(change.field()) || change.value() == null) {
                    continue;
                }
                Value value = change.value();
                value.errors().forEach(e -> LOG.warn("Meta reported an error for the number: code {} {}", e.code(), e.title()));
                String phoneNumberId = value.metadata() == null ? null : value.metadata().phoneNumberId();
                Map<String, Contact> contacts = contactsById(value.contacts());
                for (Message message : value.messages()) {
                    InboundMessage inbound = toInbound(message, phoneNumberId, contacts);
                    if (inbound != null) {
                        items.add(inbound);
                    }
                }
                value.statuses().forEach(status -> items.add(toStatus(status)));
            }
        }
        return items;
    }

    private static InboundMessage toInbound(Message message, String phoneNumberId, Map<String, Contact> contacts) {
        String address = firstPresent(message.from(), message.fromUserId());
        if (address == null || phoneNumberId == null) {
            LOG.warn("Skipping message {}: it names no sender or no business number", message.id());
            return null;
        }
        Contact contact = contacts.getOrDefault(message.from(), contacts.get(message.fromUserId()));
        String name = contact == null || contact.profile() == null ? null : contact.profile().name();
        String userId = firstPresent(message.fromUserId(), contact == null ? null : contact.userId());
        MessageKind kind = MessageKind.fromMetaType(message.type());
        String text = textOf(message, kind);
        String id = message.id();
        if (id == null || id.isBlank()) {
            id = DerivedMessageId.of(address, phoneNumberId, message.timestamp(), message.type(), text);
            LOG.info("A message came without an id; it is recorded as {}", id);
        }
        return new InboundMessage(id, address, address, phoneNumberId, name, kind, text, epochSeconds(message.timestamp()),
                userId, kind == MessageKind.AUDIO && message.audio() != null ? message.audio().id() : null);
    }

    /** What a person at the business wrote to guests from the WhatsApp Business app. */
    private static void echoes(Value value, List<Object> items) {
        String phoneNumberId = value.metadata() == null ? null : value.metadata().phoneNumberId();
        for (CallbackPayload.Echo echo : value.messageEchoes()) {
            if (echo.to() == null || echo.to().isBlank() || echo.id() == null || echo.id().isBlank()) {
                continue;
            }
            String text = echo.text() == null ? null : echo.text().body();
            items.add(new PersonMessage(echo.id(), echo.to(), phoneNumberId, text, epochSeconds(echo.timestamp())));
        }
    }

    private static DeliveryStatus toStatus(CallbackPayload.Status status) {
        CallbackPayload.Error error = status.errors().isEmpty() ? null : status.errors().get(0);
        CallbackPayload.Pricing pricing = status.pricing();
        return new DeliveryStatus(status.id(), status.status(), firstPresent(status.recipientId(), status.recipientUserId()),
                error == null ? null : error.code(), error == null ? null : error.title(), epochSeconds(status.timestamp()),
                pricing == null || pricing.category() == null ? null : new DeliveryStatus.Pricing(
                        !Boolean.FALSE.equals(pricing.billable()), pricing.pricingModel(), pricing.category()));
    }

    private static String textOf(Message message, MessageKind kind) {
        return switch (kind) {
            case TEXT -> message.text() == null ? null : message.text().body();
            case INTERACTIVE -> message.interactive() == null ? null : interactiveTitle(message.interactive());
            case BUTTON -> message.button() == null ? null : message.button().text();
            case IMAGE -> caption(message.image());
            case VIDEO -> caption(message.video());
            case DOCUMENT -> caption(message.document());
            default -> null;
        };
    }

    private static String interactiveTitle(CallbackPayload.Interactive interactive) {
        if (interactive.nfmReply() != null) {
            return FlowReplies.text(interactive.nfmReply());
        }
        CallbackPayload.Reply reply = interactive.buttonReply() != null ? interactive.buttonReply() : interactive.listReply();
        return reply == null ? null : reply.title();
    }

    private static String caption(CallbackPayload.Media media) {
        return media == null ? null : media.caption();
    }

    private static Map<String, Contact> contactsById(List<Contact> contacts) {
        Map<String, Contact> byWaId = contacts.stream().filter(c -> c.waId() != null)
                .collect(Collectors.toMap(Contact::waId, Function.identity(), (a, b) -> a));
        Map<String, Contact> all = new java.util.HashMap<>(byWaId);
        contacts.stream().filter(c -> c.userId() != null).forEach(c -> all.putIfAbsent(c.userId(), c));
        return all;
    }

    private static String firstPresent(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }

    private static Instant epochSeconds(String timestamp) {
        try {
            return timestamp == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }
}
