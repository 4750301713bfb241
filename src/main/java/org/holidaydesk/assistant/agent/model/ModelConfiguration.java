package org.holidaydesk.assistant.agent.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.holidaydesk.assistant.config.ModelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAI-compatible chat model ({@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}, {@code OPENAI_API_KEY}),
 * shared by the agent's turns and the conversation summaries. Building it connects to nothing, so it
 * exists without a key too, so that the beans that use it need no condition; the routes only call it when a
 * key is set.
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    /** Stands in for a missing key; never sent, since no route calls the model without one. */
    private static final String NO_KEY = "no-key-configured";

    @Bean
    ChatModel guestChatModel(ModelProperties model, MeterRegistry meters) {
        OpenAiChatModel openAi = OpenAiChatModel.builder()
                .baseUrl(model.baseUrl())
                .apiKey(model.enabled() ? model.apiKey() : NO_KEY)
                .modelName(model.modelName())
                .timeout(model.requestTimeout())
                .maxRetries(model.maxRetries())
                .maxTokens(model.maxAnswerTokens())
                .temperature(0.3)
                .logRequests(model.logRequests())
                .logResponses(model.logRequests())
                .build();
        return new MeteredChatModel(openAi, model.modelName(), model.maxTokensPerTurn(), meters);
    }
}
