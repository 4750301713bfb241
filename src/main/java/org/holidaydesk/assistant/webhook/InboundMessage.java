package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * One guest message out of a callback, with everything the pipeline needs and nothing Meta-shaped.
 *
 * @param wamid         Meta's message id, the idempotency key
 * @param guestId       the guest's WhatsApp id, or the business-scoped user id when there is none
 * @param replyTo       the address a reply goes to ({@code to}): the same choice
 * @param phoneNumberId the business number it arrived on, which the reply is sent from
 * @param displayName   the guest's profile name, possibly null
 * @param kind          what the guest sent
 * @param text          typed or tapped text, or a caption; possibly null
 * @param sentAt        when the guest sent it
 */
public record InboundMessage(String wamid, String guestId, String replyTo, String phoneNumberId, String displayName,
                             MessageKind kind, String text, Instant sentAt) {
}
