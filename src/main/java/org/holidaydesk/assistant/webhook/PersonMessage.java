package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * What a person at the business wrote to a guest from the WhatsApp Business app on the same number
 * (Meta's {@code smb_message_echoes}): kept in the guest's history, and the assistant stays quiet.
 *
 * @param wamid         Meta's message id, so that a redelivery is recognised
 * @param guestAddress  the guest it went to ({@code to})
 * @param phoneNumberId the business number it was sent from
 * @param text          what the person wrote; null for media
 * @param sentAt        when it was sent
 */
public record PersonMessage(String wamid, String guestAddress, String phoneNumberId, String text, Instant sentAt) {}
