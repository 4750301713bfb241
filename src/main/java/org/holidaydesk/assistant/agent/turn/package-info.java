/**
 * A guest's turn from lease to reply: one turn at a time per guest across replicas, the offline answer
 * within the agent timeout with its fallbacks, and the turn's trace for the sandbox.
 * Public face: {@link GuestTurns}, {@link TurnAnswers}, {@link TurnTraces}.
 * Beans the routes call: {@code guestTurns}, {@code turnAnswers}, {@code turnTraces}.
 */
package org.holidaydesk.assistant.agent.turn;
