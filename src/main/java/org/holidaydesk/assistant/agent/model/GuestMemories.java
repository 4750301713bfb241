package org.holidaydesk.assistant.agent.model;

import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.holidaydesk.assistant.memory.Mem0Client;
import org.springframework.stereotype.Component;

/**
 * What the assistant remembers of a guest across conversations, in Mem0: recalled before a model turn
 * (bounded by Mem0's short timeout, empty when Mem0 is slow or down) and added after it, off the reply's
 * path. The Mem0 user id is always the guest's id, set here, never by the model. Each turn's memories carry
 * the turn's id ({@code metadata.turn}, its newest message), so that a message revoked later takes them with it;
 * a message revoked before they are added is left out. Without {@code MEM0_API_KEY} nothing is sent.
 */
@Component("guestMemories")
public class GuestMemories {

    /** The metadata key each turn's memories carry its id under. */
    public static final String TURN = "turn";

    private final Mem0Client mem0;
    private final GuestMessages messages;

    public GuestMemories(Mem0Client mem0, GuestMessages messages) {
        this.mem0 = mem0;
        this.messages = messages;
    }

    public boolean enabled() {
        return mem0.enabled();
    }

    /** What Mem0 recalls of the guest that bears on this turn's words. */
    public List<String> recall(@Body LeasedTurn turn) {
        String words = turn.turn().text();
        return words.isBlank() ? List.of() : mem0.search(turn.guestId(), words);
    }

    /** Gives Mem0 the turn: the guest's words and the answer. */
    public void remember(@ExchangeProperty(AgentRoute.TURN) LeasedTurn turn, @Body AgentReply reply) {
        List<String> revoked = messages.revokedOf(
                turn.turn().messages().stream().map(TurnMessage::messageId).toList());
        String words = String.join(
                "\n",
                turn.turn().messages().stream()
                        .filter(m -> !revoked.contains(m.messageId()))
                        .map(TurnMessage::text)
                        .filter(t -> t != null && !t.isBlank())
                        .toList());
        if (words.isBlank()) {
            return;
        }
        mem0.add(
                turn.guestId(),
                List.of(
                        new Mem0Client.Turn("user", words),
                        new Mem0Client.Turn("assistant", String.join("\n", reply.parts()))),
                Map.of("channel", "whatsapp", "language", reply.language(), TURN, turn.lastMessageId()));
    }
}
