package org.holidaydesk.assistant.agent;

import java.time.Instant;
import org.holidaydesk.assistant.webhook.MessageKind;

/**
 * One guest message in a turn.
 *
 * @param messageId Meta's message id
 * @param kind      what the guest sent
 * @param text      the text the guest typed or tapped (body, button or row title, caption), or what a voice
 *                  note was understood to say; null for none
 * @param sentAt    when the guest sent it
 * @param mediaId   a voice note's media id at the Cloud API; null otherwise
 */
public record TurnMessage(String messageId, MessageKind kind, String text, Instant sentAt, String mediaId) {

    public TurnMessage(String messageId, MessageKind kind, String text, Instant sentAt) {
        this(messageId, kind, text, sentAt, null);
    }

    /** A voice note the assistant understood: its words. */
    public TurnMessage transcribed(String words) {
        return new TurnMessage(messageId, kind, words, sentAt, mediaId);
    }
}
