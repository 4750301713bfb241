package org.holidaydesk.assistant.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * The structured (JSON) logs' masking: every string written, the message, MDC values, the exception's
 * message and stack trace alike, goes through {@link LogMasking} before it is written. Registered in
 * {@code META-INF/spring.factories}, so it applies to whichever format {@code logging.structured.format.console}
 * names.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

    private final LogMasking masking;

    public MaskingJsonMembersCustomizer(Environment environment) {
        this.masking = LogMasking.of(environment);
    }

    @Override
    public void customize(JsonWriter.Members<ILoggingEvent> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, masking::mask));
    }
}
