package org.holidaydesk.assistant.reply;

import org.holidaydesk.assistant.privacy.Masking;

/**
 * A claimed outbox row, as the reply route sends it.
 *
 * @param kind      {@link Outbox#TEXT}, {@link Outbox#INTERACTIVE} or {@link Outbox#READ}
 * @param body      the text of a text message; the JSON of the {@code interactive} object of an
 *                  interactive one; empty for a read receipt
 * @param inReplyTo the guest message it answers; for a read receipt, the message marked as read
 * @param attempts  sends already made
 * @param probe     true when it is sent while sending is paused, to find out whether Meta accepts again
 */
public record OutboundMessage(
        long id,
        String guestId,
        String recipient,
        String phoneNumberId,
        String kind,
        String body,
        String inReplyTo,
        int attempts,
        boolean probe) {

    /** A note to the business's handoff webhook, not a WhatsApp message. */
    public boolean handoffNote() {
        return Outbox.HANDOFF.equals(kind);
    }

    public boolean readReceipt() {
        return Outbox.READ.equals(kind);
    }

    /** A thread-control request (Conversation Routing), not a message: no place in the send rate. */
    public boolean threadControl() {
        return Outbox.CONTROL.equals(kind);
    }

    public boolean interactive() {
        return Outbox.INTERACTIVE.equals(kind);
    }

    /** Never the body nor the full address: Camel may print a body when a route fails. */
    @Override
    public String toString() {
        return "OutboundMessage[id=" + id + ", kind=" + kind + ", to=" + Masking.recipient(recipient) + ", attempts="
                + attempts + (probe ? ", probe" : "") + "]";
    }
}
