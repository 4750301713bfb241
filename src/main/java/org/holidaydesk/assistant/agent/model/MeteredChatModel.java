package org.holidaydesk.assistant.agent.model;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The chat model as the assistant uses it: every request's tokens counted by model
 * ({@code agent_model_tokens_total{model,kind}}), and a turn's requests held to the turn's token budget.
 * A turn runs its requests on one thread, so the budget is that thread's ({@link #withBudget}); a request
 * made when the budget is spent fails the turn, which the offline agent then answers. A wrapper, not one of
 * LangChain4j's {@code ChatModelListener}s: a listener sees each request's usage but cannot refuse the next.
 */
final class MeteredChatModel implements ChatModel {

    /** Thrown when a turn's model requests would go over its token budget. */
    static final class BudgetExceededException extends RuntimeException {
        BudgetExceededException(int used, int budget) {
            super("the turn used " + used + " of its " + budget + " model tokens");
        }
    }

    /** What one turn's requests used so far. */
    static final class Usage {
        private int tokens;
        private int requests;
        private int largestPrompt;

        int tokens() {
            return tokens;
        }

        int requests() {
            return requests;
        }

        /** The prompt tokens of the turn's largest request: how much context the model was given. */
        int largestPrompt() {
            return largestPrompt;
        }
    }

    private static final ThreadLocal<Usage> TURN = new ThreadLocal<>();

    private final ChatModel model;
    private final int budget;
    private final Counter promptTokens;
    private final Counter completionTokens;

    MeteredChatModel(ChatModel model, String modelName, int budget, MeterRegistry meters) {
        this.model = model;
        this.budget = budget;
        this.promptTokens = Counter.builder("agent.model.tokens")
                .tag("model", modelName)
                .tag("kind", "prompt")
                .description("Tokens the model read and wrote")
                .register(meters);
        this.completionTokens = Counter.builder("agent.model.tokens")
                .tag("model", modelName)
                .tag("kind", "completion")
                .description("Tokens the model read and wrote")
                .register(meters);
    }

    /** Runs one turn's model work on this thread within the turn's token budget, counting into {@code usage}. */
    static <T> T withBudget(Callable<T> turn, Usage usage) throws Exception {
        TURN.set(usage);
        try {
            return turn.call();
        } finally {
            TURN.remove();
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Usage usage = TURN.get();
        if (usage != null && usage.tokens >= budget) {
            throw new BudgetExceededException(usage.tokens, budget);
        }
        ChatResponse response = model.chat(request);
        TokenUsage tokens = response.tokenUsage();
        int in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        int out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        promptTokens.increment(in);
        completionTokens.increment(out);
        if (usage != null) {
            usage.tokens += in + out;
            usage.requests++;
            usage.largestPrompt = Math.max(usage.largestPrompt, in);
        }
        return response;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }
}
