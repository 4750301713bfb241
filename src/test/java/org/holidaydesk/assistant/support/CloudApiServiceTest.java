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
 * The whole service with the offline agent and the date picker published, sending to the Cloud API stand-in
 * {@link StandIns.CloudApi#cloudApi()} (every send accepted unless a test answers its guest otherwise, see
 * {@link CloudApiStub}); fast polling, short retry waits, the pair pacing and the paused-sending probe shortened to
 * 300 ms. One Spring context and one in-memory database for every class of the family: each test uses guests and
 * message ids of its own, and finds the stand-in reset.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_VERIFY_TOKEN=dev-fixture-verify-token",
            "WHATSAPP_ACCESS_TOKEN=test-token",
            "WHATSAPP_DATES_FLOW_ID=1234567890123",
            "OPERATOR_TOKEN=test-operator-token",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:cloud-api-service;DB_CLOSE_DELAY=-1",
            "assistant.pipeline.poll-interval=50",
            "assistant.reply.poll-interval=50",
            "assistant.reply.base-backoff=50ms",
            "assistant.reply.max-backoff=200ms",
            "assistant.reply.pair-pacing=300ms",
            "assistant.reply.pause-probe-interval=300ms"
        })
@ContextConfiguration(initializers = StandIns.CloudApi.class)
@ExtendWith(StandIns.CloudApi.class)
@AutoConfigureMetrics
public @interface CloudApiServiceTest {}
