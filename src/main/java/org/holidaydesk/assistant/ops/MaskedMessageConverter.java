package org.holidaydesk.assistant.ops;

import org.holidaydesk.assistant.privacy.Masking;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log pattern's message, with anything shaped like a phone number or a business-scoped user id
 * masked by {@link Masking} ({@code +40******1234}), whatever code logged it: a safety net under the
 * rule that logs never carry guests' numbers. Runs of 8 to 15 digits count as phone numbers.
 */
public class MaskedMessageConverter extends MessageConverter {

    private static final Pattern ADDRESS = Pattern.compile("(?<![\\w.])(\\+?\\d{8,15}|[A-Z]{2}\\.\\d{8,})(?![\\w])");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    static String mask(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = ADDRESS.matcher(message);
        if (!matcher.find()) {
            return message;
        }
        StringBuilder masked = new StringBuilder();
        do {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(Masking.recipient(matcher.group(1))));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}
