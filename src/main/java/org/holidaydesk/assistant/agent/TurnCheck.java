package org.holidaydesk.assistant.agent;

/**
 * Whether a running turn is still the guest's current one. An agent asks before it keeps anything of its
 * answer: a guest who wrote again meanwhile has the turn started over with everything they wrote.
 */
public interface TurnCheck {

    /** True when the guest wrote again since their running turn began and the turn should start over. */
    boolean superseded(String guestId);
}
