package org.holidaydesk.assistant.inbox;

import java.time.Instant;
import org.holidaydesk.assistant.webhook.MessageKind;

/**
 * A message waiting for its answer.
 *
 * @param readQueued whether its read receipt is already queued
 */
public record PendingMessage(
        String wamid,
        String replyTo,
        String phoneNumberId,
        MessageKind kind,
        String body,
        Instant sentAt,
        String mediaId,
        Instant receivedAt,
        boolean readQueued) {}
