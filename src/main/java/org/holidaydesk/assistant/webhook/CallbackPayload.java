package org.holidaydesk.assistant.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A WhatsApp Business Account callback as Meta sends it, with only the fields the service reads. Unknown
 * fields are ignored, so new fields never fail a callback; both shapes are accepted, with and without the
 * 2026 business-scoped user ids ({@code user_id}, {@code from_user_id}, {@code recipient_user_id}).
 * A message may lack its {@code id} (relays and other tools' payloads): it gets a {@link DerivedMessageId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallbackPayload(
        @NotBlank String object, @NotNull List<@Valid Entry> entry) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, List<@Valid Change> changes) {
        public List<Change> changes() {
            return changes == null ? List.of() : changes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, @Valid Value value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Value(
            String messagingProduct,
            Metadata metadata,
            List<Contact> contacts,
            List<@Valid Message> messages,
            List<@Valid Status> statuses,
            List<Error> errors,
            List<Echo> messageEchoes,
            Standby standby,
            Party recipient,
            Party sender,
            String type,
            String timestamp,
            Handover controlPassed,
            Handover controlTaken,
            List<Preference> userPreferences) {

        public List<Preference> userPreferences() {
            return userPreferences == null ? List.of() : userPreferences;
        }

        public List<Contact> contacts() {
            return contacts == null ? List.of() : contacts;
        }

        public List<Message> messages() {
            return messages == null ? List.of() : messages;
        }

        public List<Status> statuses() {
            return statuses == null ? List.of() : statuses;
        }

        public List<Error> errors() {
            return errors == null ? List.of() : errors;
        }

        public List<Echo> messageEchoes() {
            return messageEchoes == null ? List.of() : messageEchoes;
        }
    }

    /**
     * A message a person sent to a guest from the WhatsApp Business app on the same number (coexistence), or
     * their edit or revoke of one; in a {@code standby} change, what another sender on the number (Meta Business
     * Agent) sent, as its send request ({@code message}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Echo(
            String from,
            String to,
            String id,
            String timestamp,
            String type,
            Text text,
            Edit edit,
            Revoke revoke,
            Message message) {}

    /** The {@code standby} field's value: a conversation another sender on the number holds, as it happens. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Standby(
            List<Contact> contacts,
            List<@Valid Message> messages,
            List<Echo> messageEchoes,
            List<@Valid Status> statuses) {
        public List<Contact> contacts() {
            return contacts == null ? List.of() : contacts;
        }

        public List<Message> messages() {
            return messages == null ? List.of() : messages;
        }

        public List<Echo> messageEchoes() {
            return messageEchoes == null ? List.of() : messageEchoes;
        }
    }

    /** A handover's business number ({@code recipient}) or guest ({@code sender}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Party(String displayPhoneNumber, String phoneNumberId, String phoneNumber, String userId) {}

    /** A {@code messaging_handovers} notification object: {@code control_passed} or {@code control_taken}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Handover(
            String previousOwnerRole,
            String newOwnerRole,
            String previousOwnerAppId,
            String metadata,
            ConversationContext conversationContext) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConversationContext(String type, Summary summary) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String text) {}

    /** One {@code user_preferences} entry: a guest stopped or resumed marketing messages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Preference(
            String waId, String userId, String detail, String category, String value, String timestamp) {}

    /** An edit of an earlier message: its id and the message as it reads now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Edit(String originalMessageId, Message message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Revoke(String originalMessageId) {}

    /** A system message: {@code user_changed_user_id} names the guest's new business-scoped user id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SystemChange(String body, String type, String userId, String newUserId, String waId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metadata(String displayPhoneNumber, String phoneNumberId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contact(Profile profile, String waId, String userId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String name, String username) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Message(
            String from,
            String fromUserId,
            String id,
            String timestamp,
            String type,
            Text text,
            Interactive interactive,
            Button button,
            Media image,
            Media video,
            Media document,
            Media audio,
            Media sticker,
            Location location,
            Edit edit,
            Revoke revoke,
            SystemChange system,
            String to) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String body) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Interactive(String type, Reply buttonReply, Reply listReply, NfmReply nfmReply) {}

    /** A completed WhatsApp Flow: {@code response_json} is a JSON string of what the guest entered. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NfmReply(String name, String body, String responseJson) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String id, String title, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Button(String payload, String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Media(String caption, String id, String mimeType) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String name, String address) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Status(
            @NotBlank String id,
            @NotBlank String status,
            String timestamp,
            String recipientId,
            String recipientUserId,
            List<Error> errors,
            Pricing pricing) {
        public List<Error> errors() {
            return errors == null ? List.of() : errors;
        }
    }

    /** How Meta bills the message a status reports on ({@code sent} and {@code delivered} carry it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pricing(Boolean billable, String pricingModel, String category, String type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(Integer code, String title, String message) {}
}
