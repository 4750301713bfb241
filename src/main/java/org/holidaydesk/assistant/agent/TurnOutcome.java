package org.holidaydesk.assistant.agent;

/**
 * Which branch of a guest's turn gave the answer, as the branch records it ({@link AgentRoute#OUTCOME}); the
 * turn's trace names it with {@link #agent()}.
 */
public enum TurnOutcome {

    /** The language model answered. */
    MODEL("model"),
    /** The offline agent answered (no model key). */
    OFFLINE("offline"),
    /** The model gave no answer and the offline agent answered instead. */
    OFFLINE_AFTER_MODEL("offline"),
    /** No agent could answer: the guest got the business's contact. */
    CONTACT("contact"),
    /** The guest asked to be forgotten. */
    FORGET_ME("forget-me"),
    /** Too many messages in a minute: a polite pause instead of the model. */
    BILL_GUARD("bill-guard"),
    /** The guest asked for a person: they were told one will answer. */
    HANDOFF("person"),
    /** A person has the conversation: the guest's words were kept and not answered. */
    HELD("person"),
    /** Another responder (Meta Business Agent) holds the conversation: the guest's words were kept and not answered. */
    HELD_ELSEWHERE("other-responder");

    private final String agent;

    TurnOutcome(String agent) {
        this.agent = agent;
    }

    /** Who answered, as the sandbox's operator panel names it. */
    public String agent() {
        return agent;
    }
}
