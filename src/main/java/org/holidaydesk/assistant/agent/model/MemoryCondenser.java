package org.holidaydesk.assistant.agent.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.config.MemoryProperties;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Keeps a long-running guest's context bounded: once the kept conversation is longer than
 * {@code assistant.memory.condense-after} messages, its oldest part (with the previous summary) is
 * condensed by the model into a short summary, by a plain completion ({@link #summarise}), and
 * only the last {@code keep-after-condense} messages stay word for word. The summary rides in the next
 * turns' system message. A turn that added messages meanwhile wins: the condensed form is then not
 * kept, and the next turn condenses again.
 */
@Component("memoryCondenser")
public class MemoryCondenser {

    /** What one condensation works on, between the route's steps. */
    public record Plan(String guestId, long version, List<ChatMessage> kept) {}

    private static final Logger LOG = LoggerFactory.getLogger(MemoryCondenser.class);
    private static final int TOOL_RESULT_CHARS = 400;
    private static final String INSTRUCTIONS = """
            You keep notes for a holiday-property assistant. Summarise the conversation below in at most
            eight short lines: who the guest is and what they want (dates, party, properties considered,
            preferences), what was offered or decided, and what is still open. Write the facts only, in
            English, no greeting. Availability and prices may have changed since: mark them as "as of then".""";

    private final ChatMemories memories;
    private final MemoryProperties properties;
    private final ChatModel model;

    public MemoryCondenser(
            ChatMemories memories, MemoryProperties properties, @Qualifier("guestChatModel") ChatModel model) {
        this.memories = memories;
        this.properties = properties;
        this.model = model;
    }

    /**
     * The request that condenses the guest's conversation, or null when it is short enough. Leaves the
     * {@link Plan} in the exchange for {@link #keep}.
     */
    public List<ChatMessage> request(@ExchangeProperty(AgentRoute.TURN) LeasedTurn turn, Exchange exchange) {
        ChatMemories.Conversation conversation = memories.load(turn.guestId());
        List<ChatMessage> messages = conversation.messages();
        if (messages.size() <= properties.condenseAfter()) {
            return null;
        }
        int cut = messages.size() - properties.keepAfterCondense();
        // the kept part starts with something the guest said, so no tool result is left without its call
        while (cut > 0 && !(messages.get(cut) instanceof UserMessage)) {
            cut--;
        }
        if (cut == 0) {
            return null;
        }
        exchange.setProperty(
                AgentRoute.CONDENSING,
                new Plan(turn.guestId(), conversation.version(), messages.subList(cut, messages.size())));
        StringBuilder transcript = new StringBuilder();
        if (conversation.summary() != null && !conversation.summary().isBlank()) {
            transcript
                    .append("Earlier summary:\n")
                    .append(conversation.summary())
                    .append("\n\nThen:\n");
        }
        for (ChatMessage message : messages.subList(0, cut)) {
            transcript.append(line(message));
        }
        List<ChatMessage> request = new ArrayList<>();
        request.add(SystemMessage.from(INSTRUCTIONS));
        request.add(UserMessage.from(transcript.toString()));
        return request;
    }

    /** The summary the model writes for {@link #request}'s messages: a plain completion, no tools. */
    public String summarise(@Body List<ChatMessage> request) {
        return model.chat(request).aiMessage().text();
    }

    /** Keeps the summary the model wrote, unless the conversation changed meanwhile. */
    public void keep(@Body String summary, @ExchangeProperty(AgentRoute.CONDENSING) Plan plan) {
        if (plan == null || summary == null || summary.isBlank()) {
            return;
        }
        boolean kept = memories.condense(plan.guestId(), plan.version(), summary.strip(), plan.kept());
        LOG.debug(
                "Conversation of {} {}",
                Masking.recipient(plan.guestId()),
                kept ? "condensed" : "changed meanwhile; condensing later");
    }

    private static String line(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return "Guest: " + (user.hasSingleText() ? user.singleText() : user.toString()) + "\n";
        }
        if (message instanceof AiMessage ai) {
            StringBuilder line = new StringBuilder();
            if (ai.hasToolExecutionRequests()) {
                ai.toolExecutionRequests()
                        .forEach(call -> line.append("(assistant looked up ")
                                .append(call.name())
                                .append(' ')
                                .append(call.arguments())
                                .append(")\n"));
            }
            if (ai.text() != null && !ai.text().isBlank()) {
                line.append("Assistant: ").append(ai.text()).append('\n');
            }
            return line.toString();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            String text = result.text() == null ? "" : result.text();
            return "(result: " + (text.length() > TOOL_RESULT_CHARS ? text.substring(0, TOOL_RESULT_CHARS) + "…" : text)
                    + ")\n";
        }
        return "";
    }
}
