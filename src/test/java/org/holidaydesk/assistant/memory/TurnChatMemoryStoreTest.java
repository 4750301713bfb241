package org.holidaydesk.assistant.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.holidaydesk.assistant.config.MemoryProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A turn's chat memory against a condensation of the same conversation: whichever finishes first, the
 * guest's turn is kept, and a summary kept while the turn ran is not written over by the turn's older copy.
 */
class TurnChatMemoryStoreTest {

    private static final String GUEST = "40700900001";

    private ChatMemories memories;
    private TurnChatMemoryStore store;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = new DriverManagerDataSource(H2TestUrls.inMemory("chat-memory-" + UUID.randomUUID()));
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        memories =
                new ChatMemories(new JdbcTemplate(dataSource), new MemoryProperties(24, 18, 8, Duration.ofHours(72)));
        store = new TurnChatMemoryStore(memories);
    }

    @Test
    void aSummaryKeptWhileATurnRanStaysAndTheTurnGoesAfterIt() {
        memories.save(GUEST, turns(1, 10), null);
        TurnChatMemoryStore.Key turn = store.begin(GUEST, "instructions");

        // the previous answer is queued: its condensation keeps a summary and the last 8 messages
        ChatMemories.Conversation read = memories.load(GUEST);
        assertThat(memories.condense(
                        GUEST,
                        read.version(),
                        "They want 3 nights in July.",
                        read.messages().subList(12, 20)))
                .isTrue();

        // meanwhile the guest's next turn answers (the window dropped its oldest exchange) and is kept
        answer(turn, 11, 2);
        store.commit(turn);

        ChatMemories.Conversation kept = memories.load(GUEST);
        assertThat(kept.summary()).isEqualTo("They want 3 nights in July.");
        List<ChatMessage> expected = new ArrayList<>(turns(7, 10));
        expected.addAll(turns(11, 11));
        assertThat(kept.messages()).isEqualTo(expected);
        TurnChatMemoryStore.Key next = store.begin(GUEST, "instructions");
        assertThat(((SystemMessage) store.getMessages(next).get(0)).text())
                .contains(TurnChatMemoryStore.SUMMARY_HEADING, "They want 3 nights in July.");
    }

    @Test
    void aTurnThatIsKeptFirstWinsAndTheOlderCondensationIsNotKept() {
        memories.save(GUEST, turns(1, 10), null);
        ChatMemories.Conversation read = memories.load(GUEST);
        TurnChatMemoryStore.Key turn = store.begin(GUEST, "instructions");
        answer(turn, 11, 0);
        store.commit(turn);

        assertThat(memories.condense(
                        GUEST, read.version(), "stale", read.messages().subList(12, 20)))
                .isFalse();
        ChatMemories.Conversation kept = memories.load(GUEST);
        assertThat(kept.summary()).isNull();
        assertThat(kept.messages()).isEqualTo(turns(1, 11));
    }

    @Test
    void withNothingInBetweenTheTurnsConversationIsKeptAsItIs() {
        TurnChatMemoryStore.Key first = store.begin(GUEST, "instructions");
        answer(first, 1, 0);
        store.commit(first);
        TurnChatMemoryStore.Key second = store.begin(GUEST, "instructions");
        answer(second, 2, 0);
        store.commit(second);

        ChatMemories.Conversation kept = memories.load(GUEST);
        assertThat(kept.messages()).isEqualTo(turns(1, 2));
        assertThat(kept.version()).isEqualTo(1);
    }

    /** What LangChain4j's window memory writes back as a turn adds the guest's words and the answer. */
    private void answer(TurnChatMemoryStore.Key turn, int number, int evicted) {
        List<ChatMessage> messages = new ArrayList<>(store.getMessages(turn));
        messages.subList(1, 1 + evicted).clear();
        messages.add(UserMessage.from("question " + number));
        store.updateMessages(turn, messages);
        messages.add(AiMessage.from("answer " + number));
        store.updateMessages(turn, messages);
    }

    private static List<ChatMessage> turns(int from, int to) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            messages.add(UserMessage.from("question " + i));
            messages.add(AiMessage.from("answer " + i));
        }
        return messages;
    }
}
