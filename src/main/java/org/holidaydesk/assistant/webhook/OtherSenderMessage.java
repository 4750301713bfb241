package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * What another sender on the number (Meta Business Agent, or another app) sent a guest while it held their
 * conversation, as the {@code standby} field echoes it.
 *
 * @param wamid         Meta's id of the message, so that a redelivery is recognised
 * @param guestAddress  the guest it went to ({@code to})
 * @param phoneNumberId the business number
 * @param text          its text (a template's name when it was a template); null for media
 * @param sentAt        when it was sent
 */
public record OtherSenderMessage(
        String wamid, String guestAddress, String phoneNumberId, String text, Instant sentAt) {}
