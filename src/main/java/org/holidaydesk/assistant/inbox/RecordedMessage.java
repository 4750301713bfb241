package org.holidaydesk.assistant.inbox;

import org.holidaydesk.assistant.webhook.MessageKind;

/** A recorded message as an edit or revoke finds it: whose it is, its state and words, the turn that answered it. */
public record RecordedMessage(
        String wamid, String guestId, MessageKind kind, String state, String body, String answeredIn) {

    public boolean pending() {
        return GuestMessages.PENDING.equals(state);
    }

    public boolean answered() {
        return GuestMessages.ANSWERED.equals(state);
    }
}
