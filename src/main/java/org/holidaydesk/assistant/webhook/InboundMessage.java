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
 * @param userId        the guest's business-scoped user id when Meta sent one, else null; equal to
 *                      {@code guestId} when the message names the guest by that id alone
 * @param mediaId       the voice note's media id, for fetching it from the Cloud API; null for other kinds
 */
public record InboundMessage(
        String wamid,
        String guestId,
        String replyTo,
        String phoneNumberId,
        String displayName,
        MessageKind kind,
        String text,
        Instant sentAt,
        String userId,
        String mediaId) {

    public InboundMessage(
            String wamid,
            String guestId,
            String replyTo,
            String phoneNumberId,
            String displayName,
            MessageKind kind,
            String text,
            Instant sentAt,
            String userId) {
        this(wamid, guestId, replyTo, phoneNumberId, displayName, kind, text, sentAt, userId, null);
    }

    /** True when the message names its guest by a business-scoped user id and by no phone number. */
    public boolean namedByUserIdOnly() {
        return userId != null && userId.equals(guestId);
    }

    /** True when the message names its guest both by phone number and by business-scoped user id. */
    public boolean namedByBoth() {
        return userId != null && !userId.equals(guestId);
    }
}
