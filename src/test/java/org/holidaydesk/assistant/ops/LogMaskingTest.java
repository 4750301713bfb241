package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

class LogMaskingTest {

    private static final String ACCESS_TOKEN = "EAAGm0PX4ZCpsBAKZC3zGq1";

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN)
            .withProperty("OPERATOR_TOKEN", "operator-token-77")
            .withProperty("DATABASE_PASSWORD", "abc");

    @Test
    void hidesConfiguredSecretsAndBearerCredentialsAndMasksNumbers() {
        LogMasking masking = LogMasking.of(environment);

        assertThat(masking.mask(
                        "POST with token " + ACCESS_TOKEN + " to 40752601815 failed; header Bearer sk-live-0123456789"))
                .isEqualTo("POST with token **** to +40*****1815 failed; header Bearer ****");
        assertThat(masking.mask("operator-token-77 was refused")).isEqualTo("**** was refused");
    }

    @Test
    void leavesDevelopmentDefaultsAndTooShortValuesAlone() {
        MockEnvironment development = new MockEnvironment()
                .withProperty("WHATSAPP_VERIFY_TOKEN", "dev-verify-token")
                .withProperty("WHATSAPP_APP_SECRET", "3f9c0a1b2c3d4e5f")
                .withProperty("assistant.whatsapp.app-secret-generated", "true")
                .withProperty("DATABASE_PASSWORD", "abc");

        assertThat(LogMasking.of(development).secrets()).isEmpty();
        assertThat(LogMasking.of(environment).secrets()).containsExactlyInAnyOrder(ACCESS_TOKEN, "operator-token-77");
    }

    @Test
    void masksEveryFieldOfAStructuredLine() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        LoggingEvent event = new LoggingEvent(
                LogMaskingTest.class.getName(),
                context.getLogger("reply"),
                Level.WARN,
                "Reply to 40752601815 failed",
                new IllegalStateException("Bearer " + ACCESS_TOKEN + " refused for RO.2154728038528084"),
                null);
        event.setMDCPropertyMap(Map.of(
                "wamid", "wamid.HBgLNDA3NTI2MDE4MTUVAgASGBQzQTdGNDhCRjYxNTQ3RkQ5RjZGNgA=", "guest", "+40752601815"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line)
                .doesNotContain("40752601815", "2154728038528084", ACCESS_TOKEN)
                .endsWith("\n");
        assertThat(json.path("message").asText()).isEqualTo("Reply to +40*****1815 failed");
        assertThat(json.path("guest").asText()).isEqualTo("+40*****1815");
        assertThat(json.path("wamid").asText()).startsWith("wamid.HBgL");
        assertThat(json.at("/error/message").asText()).isEqualTo("Bearer **** refused for RO.************8084");
    }
}
