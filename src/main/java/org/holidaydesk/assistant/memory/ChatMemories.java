package org.holidaydesk.assistant.memory;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.holidaydesk.assistant.config.MemoryProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each guest's conversation with the model in the {@code chat_memory} table, keyed by the guest's id
 * alone. A conversation nobody added to for {@code assistant.memory.idle-expiry} reads as empty and is
 * deleted by the retention route. Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Repository
public class ChatMemories {

    /** A guest's kept conversation: the messages word for word, a summary of older ones, and its version. */
    public record Conversation(List<ChatMessage> messages, String summary, long version) {

        public static final Conversation EMPTY = new Conversation(List.of(), null, -1);

        public Conversation {
            messages = List.copyOf(messages);
        }

        public boolean exists() {
            return version >= 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final MemoryProperties properties;
    private final Clock clock;

    @Autowired
    public ChatMemories(JdbcTemplate jdbc, MemoryProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    ChatMemories(JdbcTemplate jdbc, MemoryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The guest's conversation, or {@link Conversation#EMPTY} when there is none or it expired. */
    public Conversation load(String guestId) {
        List<Conversation> rows = jdbc.query(
                "SELECT messages, summary, version FROM chat_memory" + " WHERE guest_id = ? AND updated_at >= ?",
                (rs, i) -> new Conversation(
                        ChatMessageDeserializer.messagesFromJson(rs.getString(1)), rs.getString(2), rs.getLong(3)),
                guestId,
                notBefore());
        return rows.isEmpty() ? Conversation.EMPTY : rows.get(0);
    }

    /**
     * Keeps the conversation as it is after a turn. An expired conversation is replaced whole, summary
     * included: what the model sees is what {@link #load} returned.
     */
    public void save(String guestId, List<ChatMessage> messages, String summary) {
        String json = ChatMessageSerializer.messagesToJson(messages);
        Timestamp now = Timestamp.from(clock.instant());
        String update = "UPDATE chat_memory SET messages = ?, summary = ?, version = version + 1, updated_at = ?"
                + " WHERE guest_id = ?";
        if (jdbc.update(update, json, summary, now, guestId) == 0) {
            try {
                jdbc.update(
                        "INSERT INTO chat_memory (guest_id, messages, summary, version, updated_at) VALUES (?, ?, ?, 0, ?)",
                        guestId,
                        json,
                        summary,
                        now);
            } catch (DuplicateKeyException insertedMeanwhile) {
                jdbc.update(update, json, summary, now, guestId);
            }
        }
    }

    /**
     * Keeps the conversation after a turn that read it at {@code readVersion}; {@code added} are the
     * messages the turn itself added (the guest's words onwards). When the conversation changed since the
     * turn read it (a condensation was kept while the turn ran), the turn's messages go after the
     * conversation as it is now, so that neither the summary nor the turn is lost. A conversation that
     * was new, expired or erased when the turn read it, or that keeps changing, is replaced whole, as
     * {@link #save} does.
     */
    public void saveTurn(
            String guestId, long readVersion, List<ChatMessage> messages, String summary, List<ChatMessage> added) {
        if (readVersion >= 0 && !added.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            String update = "UPDATE chat_memory SET messages = ?, summary = ?, version = version + 1, updated_at = ?"
                    + " WHERE guest_id = ? AND version = ?";
            if (jdbc.update(update, ChatMessageSerializer.messagesToJson(messages), summary, now, guestId, readVersion)
                    == 1) {
                return;
            }
            Conversation current = load(guestId);
            if (current.exists()) {
                List<ChatMessage> merged = new ArrayList<>(current.messages());
                merged.addAll(added);
                if (jdbc.update(
                                update,
                                ChatMessageSerializer.messagesToJson(merged),
                                current.summary(),
                                now,
                                guestId,
                                current.version())
                        == 1) {
                    return;
                }
            }
        }
        save(guestId, messages, summary);
    }

    /**
     * Replaces the conversation by its condensed form, only if no turn changed it since it was read at
     * {@code version}; false when one did (the next condensation will try again).
     */
    public boolean condense(String guestId, long version, String summary, List<ChatMessage> kept) {
        return jdbc.update(
                        "UPDATE chat_memory SET messages = ?, summary = ?, version = version + 1"
                                + " WHERE guest_id = ? AND version = ?",
                        ChatMessageSerializer.messagesToJson(kept),
                        summary,
                        guestId,
                        version)
                == 1;
    }

    /**
     * Adds messages to the end of the guest's conversation (what the guest wrote while a person had the
     * conversation, what the person answered), so that the model sees them when it answers again.
     */
    public void append(String guestId, List<ChatMessage> messages) {
        Conversation current = load(guestId);
        List<ChatMessage> all = new ArrayList<>(current.messages());
        all.addAll(messages);
        // as a turn does: a condensation written meanwhile is kept, the messages go after it
        saveTurn(guestId, current.version(), all, current.summary(), messages);
    }

    /**
     * The guest (or the business) edited a message: the conversation keeps the words as they read now, not both.
     * Returns whether any message of the conversation carried the old words.
     */
    public boolean replaceWords(String guestId, String before, String after) {
        if (before == null || before.isBlank() || after == null) {
            return false;
        }
        Conversation current = load(guestId);
        String old = before.strip();
        boolean changed = false;
        List<ChatMessage> edited = new ArrayList<>();
        for (ChatMessage message : current.messages()) {
            String text = wordsOf(message);
            if (text != null && text.contains(old)) {
                edited.add(withWords(message, text.replace(old, after.strip())));
                changed = true;
            } else {
                edited.add(message);
            }
        }
        if (changed) {
            save(guestId, edited, current.summary());
        }
        return changed;
    }

    /**
     * A message was revoked: its words leave the conversation. A turn made of that message alone goes whole (the
     * guest's words and what was answered to them); in a turn of several messages its line goes. Returns whether
     * the conversation carried them.
     */
    public boolean removeWords(String guestId, String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        Conversation current = load(guestId);
        String gone = words.strip();
        List<ChatMessage> kept = new ArrayList<>();
        boolean changed = false;
        boolean droppingAnswer = false;
        for (ChatMessage message : current.messages()) {
            String text = wordsOf(message);
            if (message instanceof dev.langchain4j.data.message.UserMessage) {
                droppingAnswer = false;
                if (text != null && text.contains(gone)) {
                    changed = true;
                    String rest =
                            text.replace(gone, "").replaceAll("\n{2,}", "\n").strip();
                    if (rest.isEmpty()) {
                        droppingAnswer = true;
                        continue;
                    }
                    kept.add(withWords(message, rest));
                    continue;
                }
            } else if (droppingAnswer) {
                continue;
            } else if (text != null && text.strip().endsWith(gone)) {
                // what a person or another sender wrote, kept as the conversation's other side
                changed = true;
                continue;
            }
            kept.add(message);
        }
        if (changed) {
            save(guestId, kept, current.summary());
        }
        return changed;
    }

    /** Moves the conversation to the guest's new id; one already there (they wrote under it first) goes after it. */
    public void moveGuest(String from, String to) {
        Conversation old = load(from);
        if (!old.exists()) {
            return;
        }
        Conversation current = load(to);
        List<ChatMessage> all = new ArrayList<>(old.messages());
        all.addAll(current.messages());
        save(to, all, current.summary() != null ? current.summary() : old.summary());
        forget(from);
    }

    private static String wordsOf(ChatMessage message) {
        if (message instanceof dev.langchain4j.data.message.UserMessage user && user.hasSingleText()) {
            return user.singleText();
        }
        if (message instanceof dev.langchain4j.data.message.AiMessage ai && !ai.hasToolExecutionRequests()) {
            return ai.text();
        }
        return null;
    }

    private static ChatMessage withWords(ChatMessage message, String words) {
        return message instanceof dev.langchain4j.data.message.UserMessage
                ? dev.langchain4j.data.message.UserMessage.from(words)
                : dev.langchain4j.data.message.AiMessage.from(words);
    }

    /** Forgets the guest's conversation. */
    public void forget(String guestId) {
        jdbc.update("DELETE FROM chat_memory WHERE guest_id = ?", guestId);
    }

    /** Deletes the conversations that expired; returns how many. */
    public int forgetIdle() {
        return jdbc.update("DELETE FROM chat_memory WHERE updated_at < ?", notBefore());
    }

    private Timestamp notBefore() {
        return Timestamp.from(clock.instant().minus(properties.idleExpiry()));
    }
}
