package org.holidaydesk.assistant.agent;

import org.holidaydesk.assistant.webhook.MessageKind;
import java.time.Instant;

/**
 * One guest message in a turn.
 *
 * @param messageId Meta's message id
 * @param kind      what the guest sent
 * @param text      the text the guest typed or tapped (body, button or row title, caption); null for none
 * @param sentAt    when the guest sent it
 */
public record TurnMessage(String messageId, MessageKind kind, String text, Instant sentAt) {
}
