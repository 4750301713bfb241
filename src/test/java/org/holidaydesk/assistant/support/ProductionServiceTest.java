package org.holidaydesk.assistant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service in production ({@code APP_ENV=production}, every token a production start requires), with the
 * model on the stand-in {@link StandIns.Production#model()}, the Cloud API on {@link StandIns.Production#cloudApi()}
 * and the property tools reached over HTTP at its own {@code /mcp} on {@link StandIns.Production#webhookPort()}.
 * One Spring context for every class of the family; the stand-ins are reset before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "APP_ENV=production",
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_VERIFY_TOKEN=dev-fixture-verify-token",
            "WHATSAPP_ACCESS_TOKEN=production-token",
            "WHATSAPP_PHONE_NUMBER_ID=106540352242922",
            "OPERATOR_TOKEN=production-operator-token",
            "MCP_AUTH_TOKEN=" + ProductionServiceTest.MCP_AUTH_TOKEN,
            "OPENAI_API_KEY=test-openai-key",
            "OPENAI_MODEL=stub-model",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:production-service;DB_CLOSE_DELAY=-1",
            "assistant.pipeline.poll-interval=50",
            "assistant.reply.poll-interval=50",
            "assistant.reply.pair-pacing=0ms",
            "assistant.model.max-retries=0",
            "assistant.agent.tool-timeout=5s"
        })
@ContextConfiguration(initializers = StandIns.Production.class)
@ExtendWith(StandIns.Production.class)
public @interface ProductionServiceTest {

    /** The bearer token {@code /mcp} requires. */
    String MCP_AUTH_TOKEN = "mcp-production-token-7d1e";
}
