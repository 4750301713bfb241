package org.holidaydesk.assistant.agent;

import java.util.List;
import org.holidaydesk.assistant.reply.Choice;

/**
 * What the agent answers: text parts in WhatsApp formatting, sent in order (a part over 4096 characters
 * is split by the reply side), the language the answer is in, the options the guest can tap under the
 * last part (reply buttons for 2–3, a list for 4–10; none for a plain answer), and whether the turn needs
 * a person (a complaint, a request the tools cannot serve).
 */
public record AgentReply(List<String> parts, String language, List<Choice> choices, boolean needsPerson) {

    public AgentReply {
        parts = List.copyOf(parts);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public AgentReply(List<String> parts, String language, List<Choice> choices) {
        this(parts, language, choices, false);
    }

    public AgentReply(List<String> parts, String language) {
        this(parts, language, List.of(), false);
    }

    public static AgentReply of(String language, String... parts) {
        return new AgentReply(List.of(parts), language);
    }
}
