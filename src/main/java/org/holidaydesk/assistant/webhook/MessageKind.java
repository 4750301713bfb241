package org.holidaydesk.assistant.webhook;

import java.util.Locale;

/** The kinds of guest message and how each is answered. */
public enum MessageKind {
    /** Typed text. */
    TEXT(Handling.AGENT),
    /** A tap on a reply button or a list row. */
    INTERACTIVE(Handling.AGENT),
    /** A tap on a template's quick-reply button. */
    BUTTON(Handling.AGENT),
    IMAGE(Handling.CAPABILITIES),
    AUDIO(Handling.CAPABILITIES),
    VIDEO(Handling.CAPABILITIES),
    DOCUMENT(Handling.CAPABILITIES),
    STICKER(Handling.CAPABILITIES),
    LOCATION(Handling.CAPABILITIES),
    CONTACTS(Handling.CAPABILITIES),
    /** A type WhatsApp itself could not show, or one this service does not know yet. */
    UNSUPPORTED(Handling.CAPABILITIES),
    /** Reactions, system messages: no answer. */
    REACTION(Handling.NONE),
    SYSTEM(Handling.NONE),
    /** A person at the business wrote to the guest from the WhatsApp Business app: kept, never answered. */
    PERSON(Handling.NONE),
    /** Another sender on the number (Meta Business Agent) wrote to the guest while it held the conversation. */
    OTHER_SENDER(Handling.NONE),
    /** The guest edited a message: the agent reads the message as it reads now. */
    EDIT(Handling.AGENT),
    /** The guest or the business revoked a message: nothing to answer. */
    REVOKE(Handling.NONE);

    /** What the pipeline does with a message of this kind. */
    public enum Handling {
        /** The agent answers. */
        AGENT,
        /** A short, friendly answer in the guest's language saying what the assistant can do. */
        CAPABILITIES,
        /** No answer. */
        NONE
    }

    private final Handling handling;

    MessageKind(Handling handling) {
        this.handling = handling;
    }

    public Handling handling() {
        return handling;
    }

    /** The kind for Meta's {@code type} field; unknown types are {@link #UNSUPPORTED}, never an error. */
    public static MessageKind fromMetaType(String type) {
        if (type == null) {
            return UNSUPPORTED;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "interactive" -> INTERACTIVE;
            case "button" -> BUTTON;
            case "image" -> IMAGE;
            case "audio", "voice" -> AUDIO;
            case "video" -> VIDEO;
            case "document" -> DOCUMENT;
            case "sticker" -> STICKER;
            case "location" -> LOCATION;
            case "contacts" -> CONTACTS;
            case "reaction" -> REACTION;
            case "system" -> SYSTEM;
            default -> UNSUPPORTED;
        };
    }
}
