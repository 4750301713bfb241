package org.holidaydesk.assistant.agent;

/** Names {@code agent.camel.yaml} and the beans it calls share. */
public final class AgentRoute {

    /** Exchange property holding the {@link LeasedTurn} while it is answered. */
    public static final String TURN = "turn";

    /** Exchange property holding what Mem0 recalled of the guest for a model turn (a list of lines). */
    public static final String MEMORIES = "memories";

    /** Exchange property set when the guest wrote again while the turn ran: the turn starts over. */
    public static final String SUPERSEDED = "superseded";

    /** Exchange property holding a model turn's system message. */
    public static final String SYSTEM_MESSAGE = "modelSystemMessage";

    /** Exchange property holding what one condensation of a conversation works on. */
    public static final String CONDENSING = "condensing";

    /** Exchange property holding the {@link TurnOutcome} the branch that answered the turn recorded. */
    public static final String OUTCOME = "turnOutcome";

    private AgentRoute() {}
}
