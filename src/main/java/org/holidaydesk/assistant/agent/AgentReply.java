package org.holidaydesk.assistant.agent;

import java.util.List;

/**
 * What the agent answers: text parts in WhatsApp formatting, sent in order (a part over 4096 characters
 * is split by the reply side), and the language the answer is in.
 */
public record AgentReply(List<String> parts, String language) {

    public AgentReply {
        parts = List.copyOf(parts);
    }

    public static AgentReply of(String language, String... parts) {
        return new AgentReply(List.of(parts), language);
    }
}
