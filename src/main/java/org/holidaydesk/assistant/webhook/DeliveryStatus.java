package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * Meta's report on a message the service sent.
 *
 * @param wamid      the id of the sent message
 * @param status     sent, delivered, read, failed, ...
 * @param recipient  the guest's WhatsApp id or business-scoped user id
 * @param errorCode  Meta's error code for a failed message, else null
 * @param errorTitle Meta's error title, else null
 * @param reportedAt Meta's timestamp
 */
public record DeliveryStatus(String wamid, String status, String recipient, Integer errorCode, String errorTitle,
                             Instant reportedAt) {
}
