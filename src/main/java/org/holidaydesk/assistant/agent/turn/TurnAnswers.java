package org.holidaydesk.assistant.agent.turn;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.GuestAgent;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnOutcome;
import org.holidaydesk.assistant.agent.WithLogContext;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.model.FallbackReason;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Asks the offline agent for a turn's answer within the agent timeout, timed as {@code agent_reply_seconds};
 * when it fails or is too slow, the guest gets the fallback answer with the business's contact. When the
 * model's turn failed instead, the offline agent answers that turn in what is left of the agent timeout
 * (counted in {@code agent_fallbacks_total{reason}}), and only when it cannot either does the guest get
 * the business's contact: never an error text, never silence.
 */
@Component("turnAnswers")
public class TurnAnswers implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TurnAnswers.class);
    private static final Duration MIN_FALLBACK = Duration.ofSeconds(2);

    private final GuestAgent agent;
    private final PipelineProperties pipeline;
    private final ServiceProperties service;
    private final Timer replyTime;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    private final MeterRegistry meters;
    private final Duration fallbackTimeout;

    public TurnAnswers(
            GuestAgent agent,
            PipelineProperties pipeline,
            ServiceProperties service,
            ModelProperties model,
            MeterRegistry meters) {
        this.agent = agent;
        this.pipeline = pipeline;
        this.service = service;
        this.meters = meters;
        Duration left = pipeline.agentTimeout().minus(model.turnTimeout());
        this.fallbackTimeout = left.compareTo(MIN_FALLBACK) < 0 ? MIN_FALLBACK : left;
        this.replyTime = Timer.builder("agent.reply")
                .description("Time the agent takes to answer a turn")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** The offline agent's answer; the turn's outcome is recorded as its (or the business's contact, when it had none). */
    public AgentReply answer(@Body LeasedTurn turn, Exchange exchange) throws AgentFailedException {
        AgentReply reply = answerWithin(turn, pipeline.agentTimeout());
        exchange.setProperty(AgentRoute.OUTCOME, reply.needsPerson() ? TurnOutcome.CONTACT : TurnOutcome.OFFLINE);
        return reply;
    }

    private AgentReply answerWithin(LeasedTurn turn, Duration timeout) throws AgentFailedException {
        long start = System.nanoTime();
        Future<AgentReply> call = calls.submit(WithLogContext.of(() -> agent.answer(turn.turn())));
        try {
            AgentReply reply = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null
                    || reply.parts().isEmpty()
                    || reply.parts().stream().allMatch(String::isBlank)) {
                throw new AgentFailedException("the agent gave an empty answer", null);
            }
            return reply;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new AgentFailedException("the agent took longer than " + timeout, e);
        } catch (ExecutionException e) {
            throw new AgentFailedException("the agent failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentFailedException("interrupted while the agent answered", e);
        } finally {
            replyTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The answer when a turn got none: the offline agent's when it was the model that failed, else (or
     * when the offline agent fails too) a short apology in the guest's language with a way to reach a person.
     */
    public AgentReply fallback(
            @ExchangeProperty(AgentRoute.TURN) LeasedTurn turn,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
            Exchange exchange) {
        if (!(cause instanceof AgentFailedException)) {
            String reason = FallbackReason.of(cause);
            meters.counter("agent.fallbacks", "reason", reason).increment();
            LOG.warn(
                    "The model gave no answer ({}: {}); the offline agent answers the turn",
                    reason,
                    cause == null ? "unknown" : cause.getMessage());
            try {
                AgentReply reply = answerWithin(turn, fallbackTimeout);
                exchange.setProperty(
                        AgentRoute.OUTCOME,
                        reply.needsPerson() ? TurnOutcome.CONTACT : TurnOutcome.OFFLINE_AFTER_MODEL);
                return reply;
            } catch (AgentFailedException offlineFailed) {
                cause = offlineFailed;
            }
        }
        LOG.warn(
                "No answer from the agent for a turn of {} message(s): {}",
                turn.turn().messages().size(),
                cause == null ? "unknown" : cause.getMessage());
        exchange.setProperty(AgentRoute.OUTCOME, TurnOutcome.CONTACT);
        return FallbackReplies.unavailable(LanguageGuess.of(turn.turn()), service.businessContact());
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** The agent gave no usable answer. */
    public static class AgentFailedException extends Exception {
        public AgentFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
