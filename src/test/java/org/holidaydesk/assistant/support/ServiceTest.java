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
 * The whole service with the offline agent on random ports, with the fixtures' app secret and verify token and an
 * in-memory database shared by the test classes that use this same configuration (one Spring context for all). No
 * access token: replies stay in the sandbox outbox, and the Cloud API stand-in {@link StandIns.Sandbox#cloudApi()}
 * (reset before each test) is where they would go if the sandbox leaked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_VERIFY_TOKEN=dev-fixture-verify-token",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:service-test;DB_CLOSE_DELAY=-1"
        })
@ContextConfiguration(initializers = StandIns.Sandbox.class)
@ExtendWith(StandIns.Sandbox.class)
@AutoConfigureMetrics
public @interface ServiceTest {}
