package org.holidaydesk.assistant.reply;

/** One send and the policy's verdict on it: the body the reply route branches on. */
public record SendOutcome(SendResult result, Decision decision) {

    public SendAction action() {
        return decision.action();
    }
}
