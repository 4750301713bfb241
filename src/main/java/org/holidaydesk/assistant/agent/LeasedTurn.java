package org.holidaydesk.assistant.agent;

import java.time.Instant;

/**
 * A guest's turn as a replica holds it while it is answered: the guest, where the replies go, and what the
 * agent reads.
 *
 * @param guestId       the guest's id
 * @param replyTo       the address replies go to
 * @param phoneNumberId the business number replies are sent from (the one the newest message came in on)
 * @param lastMessageId the newest message of the turn, which the replies answer
 * @param turn          what the guest said, for the agent
 * @param receivedAt    when the turn's oldest message was recorded; null when not known
 */
public record LeasedTurn(
        String guestId,
        String replyTo,
        String phoneNumberId,
        String lastMessageId,
        GuestTurn turn,
        Instant receivedAt) {

    public LeasedTurn(String guestId, String replyTo, String phoneNumberId, String lastMessageId, GuestTurn turn) {
        this(guestId, replyTo, phoneNumberId, lastMessageId, turn, null);
    }

    /** The same lease with the turn read differently (a voice note's words in place of its audio). */
    public LeasedTurn with(GuestTurn read) {
        return new LeasedTurn(guestId, replyTo, phoneNumberId, lastMessageId, read, receivedAt);
    }
}
