package org.holidaydesk.assistant.agent.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.TurnOutcome;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.tools.OfflineToolCalls;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.MemoryProperties;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each guest turn's trace, kept by guest id on each database the service supports: which agent answered
 * and why (as the branch that answered recorded it), the tools called with their arguments and results, what Mem0 recalled, and forgotten with the
 * rest. Each subclass gives a fresh, empty database.
 */
abstract class TurnTraceStorageContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACT = "+40 711 222 333";
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    private JdbcTemplate jdbc;
    private ChatMemories chatMemories;
    private final OfflineToolCalls offlineCalls = new OfflineToolCalls();

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
        chatMemories = new ChatMemories(jdbc, new MemoryProperties(24, 18, 8, Duration.ofHours(72)));
    }

    @AfterAll
    static void stopCamel() throws Exception {
        CAMEL.close();
    }

    @Test
    void keepsTheOfflineAgentsToolCallsWithTheirArgumentsAndResults() throws Exception {
        TurnTraces traces = traces(AppEnvironment.DEVELOPMENT, null);
        Exchange exchange = turn("40700000501", "wamid.t1", "Is Casa Pescarului free next month for 2?");

        traces.start(exchange);
        offlineCalls.call("get_calendar", Map.of("property", "Casa Pescarului"), () -> Map.of("freeNights", 12));
        exchange.getMessage().setBody(AgentReply.of("en", "Casa Pescarului has 12 free nights next month."));
        exchange.setProperty(AgentRoute.OUTCOME, TurnOutcome.OFFLINE);
        traces.record(exchange);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM turn_trace WHERE guest_id = '40700000501'");
        assertThat(row.get("agent")).isEqualTo("offline");
        assertThat(row.get("answers")).isEqualTo("wamid.t1");
        assertThat((String) row.get("reason")).contains("No OPENAI_API_KEY");
        JsonNode detail = JSON.readTree((String) row.get("detail"));
        assertThat(detail.at("/tools/0/tool").asText()).isEqualTo("get_calendar");
        assertThat(detail.at("/tools/0/by").asText()).isEqualTo("offline");
        assertThat(detail.at("/tools/0/arguments/property").asText()).isEqualTo("Casa Pescarului");
        assertThat(detail.at("/tools/0/result/freeNights").asInt()).isEqualTo(12);
        assertThat(detail.get("stages"))
                .extracting(s -> s.get("stage").asText())
                .contains("waiting (for a worker)", "whole turn");
        // calls after the turn ended are not the turn's
        offlineCalls.call("list_properties", Map.of(), () -> List.of());
        assertThat(detail.get("tools")).hasSize(1);
    }

    @Test
    void saysWhenTheOfflineAgentAnsweredBecauseTheModelFailed() throws Exception {
        TurnTraces traces = traces(AppEnvironment.DEVELOPMENT, "sk-test");
        Exchange exchange = turn("40700000502", "wamid.t2", "Is Vila Franceza free?");

        traces.start(exchange);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new HttpException(503, "the model is down"));
        exchange.getMessage().setBody(AgentReply.of("en", "Vila Franceza is free."));
        exchange.setProperty(AgentRoute.OUTCOME, TurnOutcome.OFFLINE_AFTER_MODEL);
        traces.record(exchange);

        Map<String, Object> row =
                jdbc.queryForMap("SELECT agent, reason FROM turn_trace WHERE guest_id = '40700000502'");
        assertThat(row.get("agent")).isEqualTo("offline");
        assertThat((String) row.get("reason"))
                .contains("The model gave no answer (model_error")
                .contains("the model is down");
    }

    @Test
    void keepsTheModelsToolCallsFromItsConversationAndWhatMem0Recalled() throws Exception {
        TurnTraces traces = traces(AppEnvironment.DEVELOPMENT, "sk-test");
        String guest = "40700000503";
        chatMemories.save(
                guest,
                List.of(
                        UserMessage.from("an earlier turn"),
                        AiMessage.from("an earlier answer"),
                        UserMessage.from("Is Casa Pescarului free?"),
                        AiMessage.from(ToolExecutionRequest.builder()
                                .id("call_1")
                                .name("search_availability")
                                .arguments("{\"property\":\"Casa Pescarului\",\"guests\":2}")
                                .build()),
                        ToolExecutionResultMessage.from("call_1", "search_availability", "{\"totalAvailable\":1}"),
                        AiMessage.from("Yes, it is free.")),
                null);
        Exchange exchange = turn(guest, "wamid.t3", "Is Casa Pescarului free?");

        traces.start(exchange);
        exchange.setProperty(AgentRoute.MEMORIES, List.of("Travels with a dog"));
        exchange.getMessage().setBody(AgentReply.of("en", "Yes, it is free."));
        exchange.setProperty(AgentRoute.OUTCOME, TurnOutcome.MODEL);
        traces.record(exchange);

        Map<String, Object> row = jdbc.queryForMap("SELECT agent, detail FROM turn_trace WHERE guest_id = ?", guest);
        assertThat(row.get("agent")).isEqualTo("model");
        JsonNode detail = JSON.readTree((String) row.get("detail"));
        assertThat(detail.get("tools")).hasSize(1);
        assertThat(detail.at("/tools/0/by").asText()).isEqualTo("model");
        assertThat(detail.at("/tools/0/tool").asText()).isEqualTo("search_availability");
        assertThat(detail.at("/tools/0/arguments/guests").asInt()).isEqualTo(2);
        assertThat(detail.at("/tools/0/result/totalAvailable").asInt()).isEqualTo(1);
        assertThat(detail.get("memories")).extracting(JsonNode::asText).containsExactly("Travels with a dog");
        assertThat(detail.get("model").asText()).isEqualTo("stub-model");
    }

    @Test
    void namesTheBusinessContactWhenNoAgentCouldAnswer() {
        TurnTraces traces = traces(AppEnvironment.DEVELOPMENT, null);
        Exchange exchange = turn("40700000504", "wamid.t4", "Hello?");

        traces.start(exchange);
        exchange.setProperty(
                Exchange.EXCEPTION_CAUGHT,
                new TurnAnswers.AgentFailedException("the agent took longer than 30s", null));
        exchange.getMessage().setBody(FallbackReplies.unavailable("en", CONTACT));
        exchange.setProperty(AgentRoute.OUTCOME, TurnOutcome.CONTACT);
        traces.record(exchange);

        Map<String, Object> row =
                jdbc.queryForMap("SELECT agent, reason FROM turn_trace WHERE guest_id = '40700000504'");
        assertThat(row.get("agent")).isEqualTo("contact");
        assertThat((String) row.get("reason")).contains("took longer than 30s").contains("business's contact");
    }

    @Test
    void aGuestWhoAsksToBeForgottenKeepsOnlyTheTraceOfThatTurn() {
        TurnTraces traces = traces(AppEnvironment.DEVELOPMENT, null);
        String guest = "40700000505";
        Exchange first = turn(guest, "wamid.t5a", "Is Casa Pescarului free?");
        traces.start(first);
        first.getMessage().setBody(AgentReply.of("en", "Yes."));
        first.setProperty(AgentRoute.OUTCOME, TurnOutcome.OFFLINE);
        traces.record(first);
        Exchange forget = turn(guest, "wamid.t5b", "Please forget me");

        traces.start(forget);
        forget.getMessage().setBody(FallbackReplies.forgotten("en"));
        forget.setProperty(AgentRoute.OUTCOME, TurnOutcome.FORGET_ME);
        traces.record(forget);

        assertThat(jdbc.queryForList("SELECT agent FROM turn_trace WHERE guest_id = ?", String.class, guest))
                .containsExactly("forget-me");
        assertThat(traces.forget(guest)).isEqualTo(1);
    }

    @Test
    void forgetsTracesOlderThanTheRetention() {
        Instant old = Instant.now().minus(Duration.ofDays(8));
        for (Instant at : List.of(old, Instant.now())) {
            jdbc.update(
                    "INSERT INTO turn_trace (guest_id, agent, reason, detail, started_at, finished_at)"
                            + " VALUES ('40700000506', 'offline', 'r', '{}', ?, ?)",
                    Timestamp.from(at),
                    Timestamp.from(at));
        }

        assertThat(traces(AppEnvironment.DEVELOPMENT, null)
                        .forgetBefore(Instant.now().minus(Duration.ofDays(7))))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM turn_trace", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void keepsNothingInProduction() {
        TurnTraces traces = traces(AppEnvironment.PRODUCTION, null);
        Exchange exchange = turn("40700000507", "wamid.t7", "Is Casa Pescarului free?");

        traces.start(exchange);
        exchange.getMessage().setBody(AgentReply.of("en", "Yes."));
        traces.record(exchange);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM turn_trace", Integer.class))
                .isZero();
    }

    private TurnTraces traces(AppEnvironment environment, String modelKey) {
        ServiceProperties service = new ServiceProperties(environment, CONTACT, null);
        ModelProperties model = new ModelProperties(
                modelKey,
                "http://127.0.0.1:9/v1",
                "stub-model",
                Duration.ofSeconds(12),
                1,
                Duration.ofSeconds(20),
                6,
                16000,
                700,
                20,
                false,
                "gpt-4o-mini-transcribe",
                org.springframework.util.unit.DataSize.ofMegabytes(10),
                Duration.ofSeconds(12));
        return new TurnTraces(jdbc, service, model, chatMemories, offlineCalls);
    }

    /** A leased turn of one message, as the guest-turn route holds it, its message recorded a moment ago. */
    private Exchange turn(String guest, String messageId, String text) {
        Instant now = Instant.now();
        jdbc.update(
                "INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, body, sent_at, received_at, state)"
                        + " VALUES (?, ?, ?, '1', 'TEXT', ?, ?, ?, 'PENDING')",
                messageId,
                guest,
                guest,
                text,
                Timestamp.from(now),
                Timestamp.from(now));
        GuestTurn turn = new GuestTurn(
                guest, "Ana", null, List.of(new TurnMessage(messageId, MessageKind.TEXT, text, now)), LocalDate.now());
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(AgentRoute.TURN, new LeasedTurn(guest, guest, "1", messageId, turn, now));
        return exchange;
    }
}
