package org.holidaydesk.assistant.agent;

/**
 * Answers one turn of one guest: everything that guest wrote since the last answer, in order. The
 * pipeline guarantees one turn at a time per guest across all replicas; an agent never sees two guests.
 */
public interface GuestAgent {

    AgentReply answer(GuestTurn turn);
}
