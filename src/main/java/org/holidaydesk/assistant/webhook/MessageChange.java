package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * A guest's edit or revoke of an earlier message (coexistence numbers: an edit within 15 minutes, a revoke within
 * two days), or the business owner's of one they sent from the WhatsApp Business app ({@code smb_message_echoes}).
 *
 * @param wamid         Meta's id of the edit or revoke itself, so that a redelivery is recognised
 * @param originalWamid the message edited or revoked
 * @param guestAddress  the guest ({@code from} of a guest's change, {@code to} of the owner's)
 * @param phoneNumberId the business number
 * @param userId        the guest's business-scoped user id when Meta sent one, else null
 * @param revoke        true for a revoke, false for an edit
 * @param text          an edit's new text (or caption); null for a revoke
 * @param byBusiness    true when the business owner changed their own message
 * @param at            when it was changed
 */
public record MessageChange(
        String wamid,
        String originalWamid,
        String guestAddress,
        String phoneNumberId,
        String userId,
        boolean revoke,
        String text,
        boolean byBusiness,
        Instant at) {}
