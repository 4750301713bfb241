package org.holidaydesk.assistant.agent.turn;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnOutcome;
import org.holidaydesk.assistant.agent.model.FallbackReason;
import org.holidaydesk.assistant.agent.tools.OfflineToolCalls;
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

    /** The steps of {@code agent.camel.yaml} a trace times, by their {@code id}, and what the trace calls each. */
    static final Map<String, String> TIMED_STEPS = Map.of(
            "turn-begin", "messages and read receipts",
            "forget-me-erase", "forget-me erase",
            "bill-guard", "bill guard",
            "mem0-recall", "Mem0 recall",
            "model-answer", "model (tool calls included)",
            "model-reply-read", "reading the model's answer",
            "offline-fallback", "offline agent (fallback)",
            "offline-answer", "offline agent",
            "turn-finish", "queue the reply");

    private record Started(Instant at, long nanos, List<OfflineToolCalls.Call> offlineCalls) {}

    private final JdbcTemplate jdbc;
    private final ServiceProperties service;
    private final ModelProperties model;
    private final ChatMemories chatMemories;
    private final OfflineToolCalls offlineCalls;
    private final Clock clock = Clock.systemUTC();

    TurnTraces(
            JdbcTemplate jdbc,
            ServiceProperties service,
            ModelProperties model,
            ChatMemories chatMemories,
            OfflineToolCalls offlineCalls) {
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
    /** The guest's traces follow them to a new id. */
    public void moveGuest(String from, String to) {
        jdbc.update("UPDATE turn_trace SET guest_id = ? WHERE guest_id = ?", to, from);
    }

    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM turn_trace WHERE finished_at < ?", Timestamp.from(cutoff));
    }

    private void write(Exchange exchange, Started started) {
        LeasedTurn turn = exchange.getProperty(AgentRoute.TURN, LeasedTurn.class);
        if (turn == null) {
            return;
        }
        AgentReply reply = exchange.getMessage().getBody(AgentReply.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        @SuppressWarnings("unchecked")
        List<String> memories = exchange.getProperty(AgentRoute.MEMORIES, List.class);
        Instant finished = clock.instant();
        TurnOutcome recorded = exchange.getProperty(AgentRoute.OUTCOME, TurnOutcome.class);
        String[] outcome = outcome(recorded, failure);

        ObjectNode detail = JSON.createObjectNode();
        detail.put("messages", turn.turn().messages().size());
        detail.set("stages", stages(exchange, turn, started, finished));
        ArrayNode tools = detail.putArray("tools");
        for (OfflineToolCalls.Call call : List.copyOf(started.offlineCalls())) {
            ObjectNode item = tools.addObject().put("by", "offline").put("tool", call.tool());
            item.set("arguments", JSON.valueToTree(call.arguments()));
            if (call.error() == null) {
                item.set("result", bounded(JSON.valueToTree(call.result())));
            } else {
                item.put("error", call.error());
            }
            item.put("ms", call.millis());
        }
        if (recorded == TurnOutcome.MODEL) {
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
        if (recorded == TurnOutcome.FORGET_ME) {
            forget(turn.guestId());
        }
        jdbc.update(
                "INSERT INTO turn_trace (guest_id, answers, agent, reason, detail, started_at, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                turn.guestId(),
                turn.lastMessageId(),
                outcome[0],
                truncate(outcome[1]),
                write(detail),
                Timestamp.from(started.at()),
                Timestamp.from(finished));
    }

    /** Which agent answered ({@code [0]}) and why ({@code [1]}), as the branch that answered recorded it. */
    private String[] outcome(TurnOutcome recorded, Exception failure) {
        boolean modelFailed = failure != null && !(failure instanceof TurnAnswers.AgentFailedException);
        String modelFailure = modelFailed ? FallbackReason.of(failure) + ": " + message(failure) : null;
        TurnOutcome outcome = recorded == null ? TurnOutcome.CONTACT : recorded;
        String reason = switch (outcome) {
            case FORGET_ME ->
                "The guest asked to be forgotten: their conversation with the model, "
                        + "their request context and their Mem0 memories were erased";
            case CONTACT ->
                modelFailed
                        ? "The model gave no answer (" + modelFailure
                                + ") and the offline agent could not answer either: "
                                + "the guest got the business's contact"
                        : failure == null
                                ? "The property tools could not be reached: the guest got the business's contact"
                                : "The offline agent gave no answer (" + message(failure)
                                        + "): the guest got the business's contact";
            case OFFLINE_AFTER_MODEL -> "The model gave no answer (" + modelFailure + "): the offline agent answered";
            case BILL_GUARD ->
                "More than " + model.turnsPerMinute() + " messages from this guest within "
                        + "a minute: a polite pause instead of the model";
            case MODEL -> "OPENAI_API_KEY is set: the model (" + model.modelName() + ") answered";
            case OFFLINE -> "No OPENAI_API_KEY: the offline agent answered from the property tools";
            case HANDOFF -> "The guest asked for a person: they were told one will answer, and the business was told";
            case HELD ->
                "A person has this conversation: the guest's words were kept for the model, nothing was answered";
            case HELD_ELSEWHERE ->
                "Meta Business Agent (or another app) holds this conversation: the guest's words were kept"
                        + " for the model, nothing was answered";
        };
        return new String[] {outcome.agent(), reason};
    }

    /** How long the turn waited and each of its stages took, in the order they ran. */
    private ArrayNode stages(Exchange exchange, LeasedTurn turn, Started started, Instant finished) {
        ArrayNode stages = JSON.createArrayNode();
        if (turn.receivedAt() != null) {
            stages.addObject()
                    .put("stage", "waiting (for a worker)")
                    .put(
                            "ms",
                            Math.max(
                                    0,
                                    Duration.between(turn.receivedAt(), started.at())
                                            .toMillis()));
        }
        @SuppressWarnings("unchecked")
        List<MessageHistory> history = exchange.getProperty(ExchangePropertyKey.MESSAGE_HISTORY, List.class);
        if (history != null) {
            for (MessageHistory step : List.copyOf(history)) {
                String stage = step.getNode() == null
                        ? null
                        : TIMED_STEPS.get(step.getNode().getId());
                if (stage != null) {
                    stages.addObject().put("stage", stage).put("ms", step.getElapsed());
                }
            }
        }
        stages.addObject()
                .put("stage", "whole turn")
                .put("ms", Duration.between(started.at(), finished).toMillis());
        return stages;
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
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** A long result is kept as its first characters. */
    private JsonNode bounded(JsonNode result) {
        String text = result.toString();
        return text.length() <= MAX_RESULT
                ? result
                : JSON.getNodeFactory().textNode(text.substring(0, MAX_RESULT) + "…");
    }

    private String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
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
