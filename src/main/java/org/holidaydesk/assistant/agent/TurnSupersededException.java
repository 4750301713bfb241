package org.holidaydesk.assistant.agent;

/**
 * The guest wrote again while their turn was being answered: the answer is dropped before anything of it
 * is kept, and the turn starts over with all of the guest's pending messages, so that a burst of messages
 * gets one answer that reads them all.
 */
public class TurnSupersededException extends RuntimeException {

    public TurnSupersededException() {
        super("the guest wrote again while the turn ran", null, false, false);
    }
}
