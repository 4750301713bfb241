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
 * delivery statuses, in the order Meta listed them. Beside {@code messages}: a person's messages from the
 * WhatsApp Business app ({@code smb_message_echoes}), a conversation another sender holds ({@code standby}),
 * changes of who answers ({@code messaging_handovers}) and marketing preferences ({@code user_preferences}).
 * A guest's edits and revokes, and a changed business-scoped user id, become their own items. Changes of
 * other fields are skipped; value-level errors are logged (Meta reports them for the whole number, there is
 * no one to answer). A message without an id is kept under one derived from its content ({@link DerivedMessageId}).
 */
@Component("callbackParser")
public class CallbackParser {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackParser.class);
    private static final String MESSAGES_FIELD = "messages";
    private static final String ECHOES_FIELD = "smb_message_echoes";
    private static final String STANDBY_FIELD = "standby";
    private static final String HANDOVERS_FIELD = "messaging_handovers";
    private static final String PREFERENCES_FIELD = "user_preferences";
    private static final String USER_ID_CHANGED = "user_changed_user_id";

    /** Guest messages and delivery statuses, in callback order. */
    public List<Object> items(CallbackPayload payload) {
        List<Object> items = new ArrayList<>();
        for (CallbackPayload.Entry entry : payload.entry()) {
            for (CallbackPayload.Change change : entry.changes()) {
                Value value = change.value();
                if (value == null || change.field() == null) {
                    continue;
                }
                String phoneNumberId =
                        value.metadata() == null ? null : value.metadata().phoneNumberId();
                switch (change.field()) {
                    case ECHOES_FIELD -> echoes(value, items);
                    case STANDBY_FIELD -> standby(value, phoneNumberId, items);
                    case HANDOVERS_FIELD -> handover(value, items);
                    case PREFERENCES_FIELD -> value.userPreferences().forEach(p -> preference(p, items));
                    case MESSAGES_FIELD -> {
                        value.errors()
                                .forEach(e -> LOG.warn(
                                        "Meta reported an error for the number: code {} {}", e.code(), e.title()));
                        Map<String, Contact> contacts = contactsById(value.contacts());
                        for (Message message : value.messages()) {
                            Object item = guestItem(message, phoneNumberId, contacts);
                            if (item != null) {
                                items.add(item);
                            }
                        }
                        value.statuses().forEach(status -> items.add(toStatus(status)));
                    }
                    default -> LOG.debug("Skipping a change of field {}", change.field());
                }
            }
        }
        return items;
    }

    /** A guest's message, or their edit or revoke of one, or a change of their user id. */
    private static Object guestItem(Message message, String phoneNumberId, Map<String, Contact> contacts) {
        String type = message.type() == null ? "" : message.type();
        if (("edit".equals(type) && message.edit() != null) || ("revoke".equals(type) && message.revoke() != null)) {
            String address = firstPresent(message.from(), message.fromUserId());
            if (address == null || phoneNumberId == null || message.id() == null) {
                LOG.warn("Skipping a guest's {}: it names no sender, number or id", type);
                return null;
            }
            boolean revoke = "revoke".equals(type);
            String original = revoke
                    ? message.revoke().originalMessageId()
                    : message.edit().originalMessageId();
            return new MessageChange(
                    message.id(),
                    original,
                    address,
                    phoneNumberId,
                    message.fromUserId(),
                    revoke,
                    revoke ? null : editedText(message.edit()),
                    false,
                    epochSeconds(message.timestamp()));
        }
        if ("system".equals(type)
                && message.system() != null
                && USER_ID_CHANGED.equals(message.system().type())) {
            String newUserId =
                    firstPresent(message.system().userId(), message.system().newUserId());
            if (message.fromUserId() == null || newUserId == null) {
                LOG.warn("Skipping a user id change that names no old or no new user id");
                return null;
            }
            return new UserIdChange(
                    message.id(),
                    message.from(),
                    message.fromUserId(),
                    newUserId,
                    phoneNumberId,
                    epochSeconds(message.timestamp()));
        }
        return toInbound(message, phoneNumberId, contacts);
    }

    private static String editedText(CallbackPayload.Edit edit) {
        Message edited = edit.message();
        return edited == null ? null : textOf(edited, MessageKind.fromMetaType(edited.type()));
    }

    /** A conversation another sender holds: the guest's words and what the other sender answered. */
    private static void standby(Value value, String phoneNumberId, List<Object> items) {
        CallbackPayload.Standby standby = value.standby();
        if (standby == null) {
            return;
        }
        Map<String, Contact> contacts = contactsById(standby.contacts());
        for (Message message : standby.messages()) {
            InboundMessage inbound = toInbound(message, phoneNumberId, contacts);
            if (inbound != null) {
                items.add(new StandbyMessage(inbound));
            }
        }
        for (CallbackPayload.Echo echo : standby.messageEchoes()) {
            Message sent = echo.message();
            String to = sent == null ? echo.to() : firstPresent(sent.to(), echo.to());
            if (to == null || echo.id() == null) {
                continue;
            }
            String text = sent == null ? null : textOf(sent, MessageKind.fromMetaType(sent.type()));
            items.add(new OtherSenderMessage(echo.id(), to, phoneNumberId, text, epochSeconds(echo.timestamp())));
        }
    }

    private static void handover(Value value, List<Object> items) {
        CallbackPayload.Party sender = value.sender();
        String guest = sender == null ? null : firstPresent(sender.phoneNumber(), sender.userId());
        String phoneNumberId =
                value.recipient() == null ? null : value.recipient().phoneNumberId();
        if (guest == null || phoneNumberId == null) {
            LOG.warn("Skipping a handover that names no guest or no business number");
            return;
        }
        CallbackPayload.Handover handover = ThreadHandover.PASSED.equals(value.type())
                ? value.controlPassed()
                : ThreadHandover.TAKEN.equals(value.type()) ? value.controlTaken() : null;
        String summary = handover == null
                        || handover.conversationContext() == null
                        || handover.conversationContext().summary() == null
                ? null
                : handover.conversationContext().summary().text();
        items.add(new ThreadHandover(
                guest,
                phoneNumberId,
                value.type(),
                handover == null ? null : handover.previousOwnerRole(),
                handover == null ? null : handover.newOwnerRole(),
                handover == null ? null : handover.metadata(),
                summary,
                epochSeconds(value.timestamp())));
    }

    private static void preference(CallbackPayload.Preference preference, List<Object> items) {
        String guest = firstPresent(preference.waId(), preference.userId());
        if (guest == null || !"marketing_messages".equals(preference.category())) {
            return;
        }
        items.add(new MarketingPreference(
                guest, "stop".equalsIgnoreCase(preference.value()), epochSeconds(preference.timestamp())));
    }

    private static InboundMessage toInbound(Message message, String phoneNumberId, Map<String, Contact> contacts) {
        String address = firstPresent(message.from(), message.fromUserId());
        if (address == null || phoneNumberId == null) {
            LOG.warn("Skipping message {}: it names no sender or no business number", message.id());
            return null;
        }
        Contact contact = contacts.getOrDefault(message.from(), contacts.get(message.fromUserId()));
        String name = contact == null || contact.profile() == null
                ? null
                : contact.profile().name();
        String userId = firstPresent(message.fromUserId(), contact == null ? null : contact.userId());
        MessageKind kind = MessageKind.fromMetaType(message.type());
        String text = textOf(message, kind);
        String id = message.id();
        if (id == null || id.isBlank()) {
            id = DerivedMessageId.of(address, phoneNumberId, message.timestamp(), message.type(), text);
            LOG.info("A message came without an id; it is recorded as {}", id);
        }
        return new InboundMessage(
                id,
                address,
                address,
                phoneNumberId,
                name,
                kind,
                text,
                epochSeconds(message.timestamp()),
                userId,
                kind == MessageKind.AUDIO && message.audio() != null
                        ? message.audio().id()
                        : null);
    }

    /** What a person at the business wrote to guests from the WhatsApp Business app. */
    private static void echoes(Value value, List<Object> items) {
        String phoneNumberId =
                value.metadata() == null ? null : value.metadata().phoneNumberId();
        for (CallbackPayload.Echo echo : value.messageEchoes()) {
            if (echo.to() == null
                    || echo.to().isBlank()
                    || echo.id() == null
                    || echo.id().isBlank()) {
                continue;
            }
            // the owner edited or revoked a message they sent from the app
            if (("edit".equals(echo.type()) && echo.edit() != null)
                    || ("revoke".equals(echo.type()) && echo.revoke() != null)) {
                boolean revoke = "revoke".equals(echo.type());
                items.add(new MessageChange(
                        echo.id(),
                        revoke ? echo.revoke().originalMessageId() : echo.edit().originalMessageId(),
                        echo.to(),
                        phoneNumberId,
                        null,
                        revoke,
                        revoke ? null : editedText(echo.edit()),
                        true,
                        epochSeconds(echo.timestamp())));
                continue;
            }
            String text = echo.text() == null ? null : echo.text().body();
            items.add(new PersonMessage(echo.id(), echo.to(), phoneNumberId, text, epochSeconds(echo.timestamp())));
        }
    }

    private static DeliveryStatus toStatus(CallbackPayload.Status status) {
        CallbackPayload.Error error =
                status.errors().isEmpty() ? null : status.errors().get(0);
        CallbackPayload.Pricing pricing = status.pricing();
        return new DeliveryStatus(
                status.id(),
                status.status(),
                firstPresent(status.recipientId(), status.recipientUserId()),
                error == null ? null : error.code(),
                error == null ? null : error.title(),
                epochSeconds(status.timestamp()),
                pricing == null || pricing.category() == null
                        ? null
                        : new DeliveryStatus.Pricing(
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
        CallbackPayload.Reply reply =
                interactive.buttonReply() != null ? interactive.buttonReply() : interactive.listReply();
        return reply == null ? null : reply.title();
    }

    private static String caption(CallbackPayload.Media media) {
        return media == null ? null : media.caption();
    }

    private static Map<String, Contact> contactsById(List<Contact> contacts) {
        Map<String, Contact> byWaId = contacts.stream()
                .filter(c -> c.waId() != null)
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
