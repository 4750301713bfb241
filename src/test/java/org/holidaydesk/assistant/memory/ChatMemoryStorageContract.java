package org.holidaydesk.assistant.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.config.MemoryProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guests' conversations with the model, kept by guest id on each database the service supports, and
 * the per-turn copy the model's requests work on. Each subclass gives a fresh, empty database.
 */
abstract class ChatMemoryStorageContract {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final MemoryProperties PROPERTIES = new MemoryProperties(24, 18, 8, Duration.ofHours(72));
    private static final List<ChatMessage> CONVERSATION = List.of(
            UserMessage.from("Is Casa Pescarului free in June?"),
            AiMessage.from(ToolExecutionRequest.builder()
                    .id("call_1")
                    .name("get_calendar")
                    .arguments("{\"property\":\"Casa Pescarului\"}")
                    .build()),
            ToolExecutionResultMessage.from("call_1", "get_calendar", "{\"freeNights\":12}"),
            AiMessage.from("Yes: *12 free nights* in June."));

    private JdbcTemplate jdbc;

    /** A database nobody has migrated yet. */
    abstract DataSource freshDatabase() throws Exception;

    @BeforeEach
    void migrate() throws Exception {
        DataSource dataSource = freshDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private ChatMemories at(Instant instant) {
        return new ChatMemories(jdbc, PROPERTIES, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void readsBackAConversationWithItsToolCallsAndSummary() {
        at(NOW).save("guest-1", CONVERSATION, "Wants June, party of 2.");

        ChatMemories.Conversation read = at(NOW.plusSeconds(60)).load("guest-1");

        assertThat(read.messages()).isEqualTo(CONVERSATION);
        assertThat(read.summary()).isEqualTo("Wants June, party of 2.");
        assertThat(at(NOW).load("guest-2").exists()).isFalse();
    }

    @Test
    void aConversationIdleLongerThanTheExpiryIsGoneAndRetentionDeletesIt() {
        at(NOW).save("guest-1", CONVERSATION, null);
        at(NOW.plus(Duration.ofHours(70))).save("guest-2", CONVERSATION, null);

        Instant later = NOW.plus(Duration.ofHours(73));
        assertThat(at(later).load("guest-1").messages()).isEmpty();
        assertThat(at(later).forgetIdle()).isEqualTo(1);
        assertThat(at(later).load("guest-2").messages()).isEqualTo(CONVERSATION);
    }

    @Test
    void condensingLosesToATurnThatWroteMeanwhile() {
        ChatMemories memories = at(NOW);
        memories.save("guest-1", CONVERSATION, null);
        long version = memories.load("guest-1").version();
        memories.save("guest-1", List.of(UserMessage.from("a newer turn")), null);

        assertThat(memories.condense("guest-1", version, "summary", List.of())).isFalse();
        assertThat(memories.load("guest-1").messages()).containsExactly(UserMessage.from("a newer turn"));

        long current = memories.load("guest-1").version();
        assertThat(memories.condense("guest-1", current, "summary", List.of(UserMessage.from("kept"))))
                .isTrue();
        assertThat(memories.load("guest-1").summary()).isEqualTo("summary");
        assertThat(memories.load("guest-1").messages()).containsExactly(UserMessage.from("kept"));
    }

    @Test
    void forgettingOneGuestKeepsTheOthers() {
        at(NOW).save("guest-1", CONVERSATION, null);
        at(NOW).save("guest-2", CONVERSATION, null);

        at(NOW).forget("guest-1");

        assertThat(at(NOW).load("guest-1").exists()).isFalse();
        assertThat(at(NOW).load("guest-2").messages()).isEqualTo(CONVERSATION);
    }

    @Test
    void aTurnIsKeptOnlyWhenCommittedAndNeverStoresItsSystemMessage() {
        ChatMemories memories = at(NOW);
        TurnChatMemoryStore store = new TurnChatMemoryStore(memories);
        memories.save("guest-1", CONVERSATION, "Earlier: asked about May.");

        TurnChatMemoryStore.Key failed = store.begin("guest-1", "Today is 2026-11-25.");
        MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                .id(failed)
                .maxMessages(24)
                .chatMemoryStore(store)
                .build();
        assertThat(memory.messages().get(0)).isInstanceOf(SystemMessage.class);
        assertThat(((SystemMessage) memory.messages().get(0)).text())
                .startsWith("Today is 2026-11-25.")
                .contains(TurnChatMemoryStore.SUMMARY_HEADING, "Earlier: asked about May.");
        memory.add(UserMessage.from("an answer that never came"));
        store.end(failed);
        assertThat(memories.load("guest-1").messages()).isEqualTo(CONVERSATION);

        TurnChatMemoryStore.Key kept = store.begin("guest-1", "Today is 2026-11-26.");
        MessageWindowChatMemory next = MessageWindowChatMemory.builder()
                .id(kept)
                .maxMessages(24)
                .chatMemoryStore(store)
                .build();
        next.add(UserMessage.from("And in July?"));
        next.add(AiMessage.from("July is free too."));
        store.commit(kept);
        store.end(kept);

        List<ChatMessage> stored = memories.load("guest-1").messages();
        assertThat(stored).hasSize(CONVERSATION.size() + 2).noneMatch(m -> m instanceof SystemMessage);
        assertThat(stored.get(stored.size() - 1)).isEqualTo(AiMessage.from("July is free too."));
    }

    @Test
    void theWindowDropsAToolCallTogetherWithItsResult() {
        ChatMemories memories = at(NOW);
        TurnChatMemoryStore store = new TurnChatMemoryStore(memories);
        memories.save("guest-1", CONVERSATION, null);

        TurnChatMemoryStore.Key turn = store.begin("guest-1", "system");
        MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                .id(turn)
                .maxMessages(4)
                .chatMemoryStore(store)
                .build();
        memory.add(UserMessage.from("And July?"));
        store.commit(turn);

        List<ChatMessage> stored = memories.load("guest-1").messages();
        assertThat(stored).noneMatch(m -> m instanceof ToolExecutionResultMessage);
        assertThat(stored)
                .containsExactly(AiMessage.from("Yes: *12 free nights* in June."), UserMessage.from("And July?"));
    }
}
