package org.holidaydesk.assistant.agent.model;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnCheck;
import org.holidaydesk.assistant.agent.TurnSupersededException;
import org.holidaydesk.assistant.agent.WithLogContext;
import org.holidaydesk.assistant.agent.tools.PropertyToolProvider;
import org.holidaydesk.assistant.config.MemoryProperties;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.memory.TurnChatMemoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The language model's agent, as the agent route calls it: one LangChain4j AI service built once (the chat model, the property MCP tools, each turn's own chat memory, at most
 * {@code assistant.model.max-tool-rounds} tool calls), shared by every turn. A turn is bounded by
 * {@code assistant.model.turn-timeout} and by its token budget; a turn that fails, runs out of time or
 * answers nothing throws, and the route gives the guest the offline agent's answer instead. Only a turn
 * that answered is kept in the guest's chat memory.
 *
 * <p>LangChain4j's own AI services do the agent's work (tool rounds capped, tool errors handed to the
 * model, memory per turn); what is ours is the turn's deadline, its token budget, what is kept, and the
 * {@link TopicGuard}'s check of the answer.
 */
@Component("guestModelAgent")
class ModelAgent implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ModelAgent.class);

    /** The model gave no answer. */
    static final class NoAnswerException extends RuntimeException {
        NoAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final GuestConversation conversation;
    private final TurnChatMemoryStore memory;
    private final TurnCheck turnCheck;
    private final ModelProperties properties;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();
    private final TopicGuard topicGuard;
    private final Timer turnTime;
    private final DistributionSummary turnTokens;

    ModelAgent(
            @Qualifier("guestChatModel") ChatModel model,
            PropertyToolProvider tools,
            TurnChatMemoryStore memory,
            TurnCheck turnCheck,
            ModelProperties properties,
            MemoryProperties memoryProperties,
            MeterRegistry meters,
            TopicGuard topicGuard) {
        this.memory = memory;
        this.topicGuard = topicGuard;
        this.turnCheck = turnCheck;
        this.properties = properties;
        this.turnTime = Timer.builder("agent.model.turn")
                .description("Time a model turn takes, tool calls included")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.turnTokens = DistributionSummary.builder("agent.model.turn.tokens")
                .description("Model tokens one turn used over all its requests")
                .register(meters);
        this.conversation = AiServices.builder(GuestConversation.class)
                .chatModel(model)
                .toolProvider(tools)
                .chatMemoryProvider(turn -> MessageWindowChatMemory.builder()
                        .id(turn)
                        .maxMessages(memoryProperties.windowMessages())
                        .chatMemoryStore(memory)
                        .build())
                .toolExecutionErrorHandler(tools::onToolError)
                .maxSequentialToolsInvocations(properties.maxToolRounds())
                .build();
    }

    /** The model's answer to the guest's words of this turn, given the turn's system message. */
    public String answer(
            @ExchangeProperty(AgentRoute.TURN) LeasedTurn turn,
            @ExchangeProperty(AgentRoute.SYSTEM_MESSAGE) String system,
            @Body String guestWords) {
        return chat(turn.guestId(), system, guestWords);
    }

    String chat(String guestId, String system, String guestWords) {
        if (guestId == null || guestId.isBlank()) {
            throw new IllegalArgumentException("a model turn needs the guest's id");
        }
        long start = System.nanoTime();
        AtomicBoolean abandoned = new AtomicBoolean();
        MeteredChatModel.Usage usage = new MeteredChatModel.Usage();
        Future<String> answer = turns.submit(WithLogContext.of(
                () -> MeteredChatModel.withBudget(() -> converse(guestId, system, guestWords, abandoned), usage)));
        try {
            return answer.get(properties.turnTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            answer.cancel(true);
            throw new NoAnswerException("the model took longer than " + properties.turnTimeout(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new NoAnswerException("the model failed", cause);
        } catch (InterruptedException e) {
            abandoned.set(true);
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAnswerException("interrupted while the model answered", e);
        } finally {
            turnTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            turnTokens.record(usage.tokens());
            LOG.debug("Model turn: {} request(s), {} tokens", usage.requests(), usage.tokens());
        }
    }

    private String converse(String guestId, String system, String guestWords, AtomicBoolean abandoned) {
        TurnChatMemoryStore.Key turn = memory.begin(guestId, system);
        try {
            String answer = conversation.chat(turn, guestWords);
            if (answer == null || answer.isBlank()) {
                throw new NoAnswerException("the model answered nothing", null);
            }
            // an answer off the business's topics (a poem, code, homework) becomes the decline, in memory too
            String checked = topicGuard.check(guestWords, answer);
            if (!checked.equals(answer)) {
                memory.replaceAnswer(turn, checked);
                answer = checked;
            }
            // the guest wrote again meanwhile: nothing of this answer is kept, the turn starts over with it all
            if (turnCheck.superseded(guestId)) {
                throw new TurnSupersededException();
            }
            if (!abandoned.get()) {
                memory.commit(turn);
            }
            return answer;
        } finally {
            memory.end(turn);
            conversation.evictChatMemory(turn);
        }
    }

    @Override
    public void destroy() {
        turns.shutdownNow();
    }
}
