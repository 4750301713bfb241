package org.holidaydesk.assistant.agent.turn;

import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.intents.ForgetMe;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.model.FallbackReason;
import org.holidaydesk.assistant.agent.tools.OfflineToolCalls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.MessageHistory;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The trace of each guest turn, kept in {@code turn_trace} for the development sandbox's operator panel:
 * which agent answered and why (the model, the offline agent and the model's failure that made it answer,
 * the business's contact, forget-me, the bill guard), how long each stage took (from the turn's message
 * history), the property tools called with their arguments and results (the offline agent's as it made
 * them, the model's from the conversation it kept) and what Mem0 recalled. Development only: in
 * production nothing is recorded. A trace that cannot be written is logged and never fails the turn.
 */
@Component("turnTraces")
public class TurnTraces {

    private static final Logger LOG = LoggerFactory.getLogger(TurnTraces.class);
    private static final String STARTED = "turnTraceStarted";
    private static final int MAX_RESULT = 4000;
    private static final int MAX_REASON = 1000;

    /** The stages a turn's message history names, by the step that ran them. */
    private static final List<Map.Entry<String[], String>> STAGES = List.of(
            Map.entry(new String[] {"guestTurns", "begin"}, "messages and read receipts"),
            Map.entry(new String[] {"forgetMe", "erase"}, "forget-me erase"),
            Map.entry(new String[] {"modelTurns", "slowDown"}, "bill guard"),
            Map.entry(new String[] {"guestMemories", "recall"}, "Mem0 recall"),
            Map.entry(new String[] {"guestModelAgent", "answer"}, "model (tool calls included)"),
            Map.entry(new String[] {"modelReplies", "read"}, "reading the model's answer"),
            Map.entry(new String[] {"turnAnswers", "fallback"}, "offline agent (fallback)"),
            Map.entry(new String[] {"turnAnswers", "answer"}, "offline agent"),
            Map.entry(new String[] {"guestTurns", "finish"}, "queue the reply"));

    private record Started(Instant at, long nanos, List<OfflineToolCalls.Call> offlineCalls) {
    }

    private final JdbcTemplate jdbc;
    private final ServiceProperties service;
    private final ModelProperties model;
    private final ChatMemories chatMemories;
    private final OfflineToolCalls offlineCalls;
    private final Clock clock = Clock.systemUTC();
    private final JsonMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    TurnTraces(JdbcTemplate jdbc, ServiceProperties service, ModelProperties model,
               ChatMemories chatMemories, OfflineToolCalls offlineCalls) {
        this.jdbc = jdbc;
        this.service = service;
        this.model = model;
        this.chatMemories = chatMemories;
        this.offlineCalls = offlineCalls;
    }

    /** A leased turn begins: from here its offline tool calls are recorded (development only). */
    public void start(Exchange exchange) {
        if (service.production()) {
            return;
        }
        exchange.setProperty(STARTED, new Started(clock.instant(), System.nanoTime(), offlineCalls.begin()));
    }

    /** The turn's reply is queued: keep what happened in it. */
    public void record(Exchange exchange) {
        Started started = exchange.getProperty(STARTED, Started.class);
        if (started == null) {
            return;
        }
        exchange.removeProperty(STARTED);
        offlineCalls.end();
        try {
            write(exchange, started);
        } catch (RuntimeException e) {
            LOG.warn("The trace of a turn was not kept: {}", e.toString());
        }
    }

    /** Forgets a guest's traces. */
    public int forget(String guestId) {
        return jdbc.update("DELETE FROM turn_trace WHERE guest_id = ?", guestId);
    }

    /** Deletes traces of turns that ended before {@code cutoff}. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM turn_trace WHERE finished_at < ?", Timestamp.from(cutoff));
    }

    private void write(Exchange exchange, Started started) {
        LeasedTurn turn = exchange.getProperty("turn", LeasedTurn.class);
        if (turn == null) {
            return;
        }
        AgentReply reply = exchange.getMessage().getBody(AgentReply.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        @SuppressWarnings("unchecked")
        List<String> memories = exchange.getProperty("memories", List.class);
        Instant finished = clock.instant();
        String[] outcome = outcome(turn, reply, failure, memories);

        ObjectNode detail = json.createObjectNode();
        detail.put("messages", turn.turn().messages().size());
        detail.set("stages", stages(exchange, turn, started, finished));
        ArrayNode tools = detail.putArray("tools");
        for (OfflineToolCalls.Call call : List.copyOf(started.offlineCalls())) {
            ObjectNode item = tools.addObject().put("by", "offline").put("tool", call.tool());
            item.set("arguments", json.valueToTree(call.arguments()));
            if (call.error() == null) {
                item.set("result", bounded(json.valueToTree(call.result())));
            } else {
                item.put("error", call.error());
            }
            item.put("ms", call.millis());
        }
        if ("model".equals(outcome[0])) {
            modelCalls(turn.guestId(), tools);
            detail.put("model", model.modelName());
        }
        ArrayNode recalled = detail.putArray("memories");
        if (memories != null) {
            memories.forEach(recalled::add);
        }
        if (reply != null) {
            detail.put("language", reply.language());
            ArrayNode choices = detail.putArray("choices");
            reply.choices().forEach(c -> choices.add(c.title()));
        }
        if ("forget-me".equals(outcome[0])) {
            forget(turn.guestId());
        }
        jdbc.update("INSERT INTO turn_trace (guest_id, answers, agent, reason, detail, started_at, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                turn.guestId(), turn.lastMessageId(), outcome[0], truncate(outcome[1]), write(detail),
                Timestamp.from(started.at()), Timestamp.from(finished));
    }

    /** Which agent answered ({@code [0]}) and why ({@code [1]}). */
    private String[] outcome(LeasedTurn turn, AgentReply reply, Exception failure, List<String> memories) {
        boolean modelFailed = failure != null && !(failure instanceof TurnAnswers.AgentFailedException);
        String modelFailure = modelFailed ? FallbackReason.of(failure) + ": " + message(failure) : null;
        if (failure == null && ForgetMe.asks(turn.turn().text())) {
            return new String[] {"forget-me", "The guest asked to be forgotten: their conversation with the model, "
                    + "their request context and their Mem0 memories were erased"};
        }
        if (reply != null && reply.equals(FallbackReplies.unavailable(reply.language(), service.businessContact()))) {
            if (modelFailed) {
                return new String[] {"contact", "The model gave no answer (" + modelFailure + ") and the offline agent "
                        + "could not answer either: the guest got the business's contact"};
            }
            return new String[] {"contact", failure == null
                    ? "The property tools could not be reached: the guest got the business's contact"
                    : "The offline agent gave no answer (" + message(failure) + "): the guest got the business's contact"};
        }
        if (modelFailed) {
            return new String[] {"offline", "The model gave no answer (" + modelFailure + "): the offline agent answered"};
        }
        if (model.enabled() && memories == null) {
            return new String[] {"bill-guard", "More than " + model.turnsPerMinute() + " messages from this guest within "
                    + "a minute: a polite pause instead of the model"};
        }
        if (model.enabled()) {
            return new String[] {"model", "OPENAI_API_KEY is set: the model (" + model.modelName() + ") answered"};
        }
        return new String[] {"offline", "No OPENAI_API_KEY: the offline agent answered from the property tools"};
    }

    /** How long the turn waited and each of its stages took, in the order they ran. */
    private ArrayNode stages(Exchange exchange, LeasedTurn turn, Started started, Instant finished) {
        ArrayNode stages = json.createArrayNode();
        if (turn.receivedAt() != null) {
            stages.addObject().put("stage", "waiting (for a worker)")
                    .put("ms", Math.max(0, Duration.between(turn.receivedAt(), started.at()).toMillis()));
        }
        @SuppressWarnings("unchecked")
        List<MessageHistory> history = exchange.getProperty(ExchangePropertyKey.MESSAGE_HISTORY, List.class);
        if (history != null) {
            for (MessageHistory step : List.copyOf(history)) {
                String stage = stage(step.getNode() == null ? null : step.getNode().getLabel());
                if (stage != null) {
                    stages.addObject().put("stage", stage).put("ms", step.getElapsed());
                }
            }
        }
        stages.addObject().put("stage", "whole turn").put("ms", Duration.between(started.at(), finished).toMillis());
        return stages;
    }

    private static String stage(String label) {
        if (label == null) {
            return null;
        }
        for (Map.Entry<String[], String> rule : STAGES) {
            boolean all = true;
            for (String part : rule.getKey()) {
                all &= label.contains(part);
            }
            if (all) {
                return rule.getValue();
            }
        }
        return null;
    }

    /** The model's tool calls of this turn: those after the guest's words in the conversation it kept. */
    private void modelCalls(String guestId, ArrayNode tools) {
        List<ChatMessage> messages = chatMemories.load(guestId).messages();
        int from = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage) {
                from = i + 1;
                break;
            }
        }
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (ChatMessage message : messages.subList(from, messages.size())) {
            if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                    ObjectNode item = tools.addObject().put("by", "model").put("tool", request.name());
                    item.set("arguments", parse(request.arguments()));
                    byId.put(request.id() == null ? request.name() : request.id(), item);
                }
            } else if (message instanceof ToolExecutionResultMessage result) {
                ObjectNode item = byId.get(result.id() == null ? result.toolName() : result.id());
                if (item != null) {
                    item.set("result", bounded(parse(result.text())));
                }
            }
        }
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** A long result is kept as its first characters. */
    private JsonNode bounded(JsonNode result) {
        String text = result.toString();
        return text.length() <= MAX_RESULT ? result : json.getNodeFactory().textNode(text.substring(0, MAX_RESULT) + "…");
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a turn trace", e);
        }
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
