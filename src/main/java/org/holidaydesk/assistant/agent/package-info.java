/**
 * The assistant's answer to a guest's turn: the turn's types that every room of the agent shares.
 * Public face: {@link GuestAgent}, {@link GuestTurn}, {@link TurnMessage}, {@link LeasedTurn}, {@link AgentReply},
 * {@link TurnCheck}, {@link TurnOutcome} and the names {@code agent.camel.yaml} shares ({@link AgentRoute}).
 * It depends on none of its sub-packages: {@code turn}, {@code intents}, {@code control}, {@code model}, {@code offline}, {@code language}, {@code tools}.
 */
package org.holidaydesk.assistant.agent;
