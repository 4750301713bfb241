package org.holidaydesk.assistant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service with the model agent: the model, Mem0 and the handoff webhook on the stand-in
 * {@link StandIns.Model#model()}, the Cloud API on {@link StandIns.Model#cloudApi()}, the property tools through
 * {@link StandIns.Model#mcpRelay()}, the webhook on {@link StandIns.Model#webhookPort()}; short timeouts and fast
 * polling. One Spring context and one in-memory database for every class of the family: each test uses guests and
 * message ids of its own, and finds the stand-ins reset to their defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_ACCESS_TOKEN=test-token",
            "OPENAI_API_KEY=test-openai-key",
            "OPENAI_MODEL=stub-model",
            "MEM0_API_KEY=test-mem0-key",
            "OPERATOR_TOKEN=test-operator-token",
            "BUSINESS_CONTACT=+40 711 222 333",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:model-service;DB_CLOSE_DELAY=-1",
            "assistant.pipeline.poll-interval=50",
            "assistant.pipeline.agent-timeout=12s",
            "assistant.reply.poll-interval=50",
            "assistant.reply.pair-pacing=0ms",
            "assistant.reply.base-backoff=200ms",
            // a stand-in answering 1.5 s late is still in time; one 8 s late is cut off well within the agent timeout
            "assistant.model.request-timeout=3s",
            "assistant.model.max-retries=0",
            "assistant.model.turn-timeout=8s",
            "assistant.agent.tool-timeout=3s",
            "assistant.memory.condense-after=6",
            "assistant.memory.keep-after-condense=2",
            "assistant.billing.prices.default.service=0.0085"
        })
@ContextConfiguration(initializers = StandIns.Model.class)
@ExtendWith(StandIns.Model.class)
@AutoConfigureMetrics
public @interface ModelServiceTest {}
