package org.holidaydesk.assistant.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of a guest message that came without one. Meta always sends a wamid, but relays and other
 * tools' payloads sometimes leave it out; such a message is still answered, under an id made from what
 * it says (sender, business number, timestamp, kind and text), so that a redelivery of the same message
 * has the same id and is recognised as one. Two messages with the same words from the same guest in the
 * same second are one message to this id. A derived id names no message at Meta: nothing is marked read
 * with it.
 */
public final class DerivedMessageId {

    private static final String PREFIX = "derived.";

    private DerivedMessageId() {}

    /** A stable id for the message's content; any part may be null. */
    public static String of(String sender, String phoneNumberId, String timestamp, String type, String text) {
        String content = String.join("\n", part(sender), part(phoneNumberId), part(timestamp), part(type), part(text));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** True when the id was made here, not given by Meta. */
    public static boolean is(String messageId) {
        return messageId != null && messageId.startsWith(PREFIX);
    }

    private static String part(String value) {
        // the length first, so that no two different messages join into the same text
        return value == null ? "-" : value.length() + ":" + value;
    }
}
