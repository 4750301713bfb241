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
 * @param pricing    how Meta bills the message, when the status says so ({@code sent}, {@code delivered}); else null
 */
public record DeliveryStatus(
        String wamid,
        String status,
        String recipient,
        Integer errorCode,
        String errorTitle,
        Instant reportedAt,
        Pricing pricing) {

    public DeliveryStatus(
            String wamid, String status, String recipient, Integer errorCode, String errorTitle, Instant reportedAt) {
        this(wamid, status, recipient, errorCode, errorTitle, reportedAt, null);
    }

    /**
     * Meta's {@code pricing} of a status.
     *
     * @param billable     whether the message is billed
     * @param pricingModel {@code PMP} (per message) or {@code CBP} (per conversation, before 2025-07)
     * @param category     {@code service}, {@code utility}, {@code marketing}, {@code authentication},
     *                     {@code referral_conversion}
     */
    public record Pricing(boolean billable, String pricingModel, String category) {}
}
