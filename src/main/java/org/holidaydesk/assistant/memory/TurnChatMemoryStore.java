package org.holidaydesk.assistant.memory;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The chat memory the model's turns read and write. A turn works on its own copy of the guest's
 * conversation, under its own {@link Key}: {@link #begin} loads it from {@link ChatMemories} behind the
 * turn's system message, the model's requests read and update the copy, and {@link #commit} keeps it
 * once the turn has an answer. A turn that failed or ran out of time leaves the stored conversation as
 * it was, so the guest's next turn never carries half of an answer they did not get, and a late turn
 * cannot touch the copy of the turn after it. The system message is made anew each turn (today's date,
 * what Mem0 recalls) and is never stored.
 */
@Component
public class TurnChatMemoryStore implements ChatMemoryStore {

    /** One turn of one guest: the memory id the model's requests carry. */
    public record Key(String guestId, long turn) {}

    private record Copy(SystemMessage system, List<ChatMessage> messages, String summary, long version) {}

    /** Introduces the summary in the system message. */
    public static final String SUMMARY_HEADING = "Summary of your earlier conversation with this guest:";

    private final ChatMemories memories;
    private final Map<Key, Copy> turns = new ConcurrentHashMap<>();
    private final AtomicLong turnNumbers = new AtomicLong();

    public TurnChatMemoryStore(ChatMemories memories) {
        this.memories = memories;
    }

    /**
     * Starts a turn on the stored conversation, behind {@code system}, which ends with the summary of the
     * conversation's condensed part when there is one.
     */
    public Key begin(String guestId, String system) {
        Key key = new Key(guestId, turnNumbers.incrementAndGet());
        ChatMemories.Conversation stored = memories.load(guestId);
        String withSummary = stored.summary() == null || stored.summary().isBlank()
                ? system
                : system + "\n\n" + SUMMARY_HEADING + "\n" + stored.summary();
        turns.put(
                key, new Copy(SystemMessage.from(withSummary), stored.messages(), stored.summary(), stored.version()));
        return key;
    }

    /**
     * Keeps the turn's conversation as the guest's. A condensation kept while the turn ran (it starts as
     * soon as the previous answer is queued, so a guest who answers quickly is mid-turn by then) stays:
     * the turn's own messages are added after it rather than the turn's older copy written over it.
     */
    public void commit(Key key) {
        Copy copy = turns.get(key);
        if (copy != null) {
            memories.saveTurn(key.guestId(), copy.version(), copy.messages(), copy.summary(), added(copy.messages()));
        }
    }

    /** What one turn added: the guest's words (a turn's only user message) and everything after them. */
    private static List<ChatMessage> added(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage) {
                return messages.subList(i, messages.size());
            }
        }
        return List.of();
    }

    /**
     * The turn's answer is replaced (the topic guard declined an off-topic one): the conversation keeps what the
     * guest was told, not what the model first wrote.
     */
    public void replaceAnswer(Key key, String answer) {
        turns.computeIfPresent(key, (k, copy) -> {
            List<ChatMessage> messages = new ArrayList<>(copy.messages());
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i) instanceof dev.langchain4j.data.message.AiMessage) {
                    messages.set(i, dev.langchain4j.data.message.AiMessage.from(answer));
                    break;
                }
            }
            return new Copy(copy.system(), messages, copy.summary(), copy.version());
        });
    }

    /** Ends the turn, kept or not. */
    public void end(Key key) {
        turns.remove(key);
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        Copy copy = memoryId instanceof Key key ? turns.get(key) : null;
        if (copy == null) {
            return new ArrayList<>(memories.load(guestId(memoryId)).messages());
        }
        List<ChatMessage> messages = new ArrayList<>(copy.messages().size() + 1);
        messages.add(copy.system());
        messages.addAll(copy.messages());
        return messages;
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        if (memoryId instanceof Key key) {
            turns.computeIfPresent(
                    key,
                    (k, copy) -> new Copy(
                            copy.system(),
                            messages.stream()
                                    .filter(m -> !(m instanceof SystemMessage))
                                    .toList(),
                            copy.summary(),
                            copy.version()));
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        if (memoryId instanceof Key key) {
            turns.remove(key);
        }
        memories.forget(guestId(memoryId));
    }

    private static String guestId(Object memoryId) {
        return memoryId instanceof Key key ? key.guestId() : memoryId.toString();
    }
}
