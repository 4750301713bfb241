package org.holidaydesk.assistant.ops;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.core.env.Environment;

/**
 * The text pattern's message ({@code %m}), through {@link LogMasking}: guests' numbers and user ids
 * masked ({@code +40******1234}), the configured secrets hidden, whatever code logged it. The secrets come
 * from the Spring environment that Spring Boot hands to logback.
 */
public class MaskedMessageConverter extends MessageConverter {

    private LogMasking masking = LogMasking.numbersOnly();

    @Override
    public void start() {
        Object environment = getContext() == null ? null : getContext().getObject(Environment.class.getName());
        if (environment instanceof Environment spring) {
            masking = LogMasking.of(spring);
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return masking.mask(super.convert(event));
    }

    static String mask(String message) {
        return LogMasking.numbersOnly().mask(message);
    }
}
