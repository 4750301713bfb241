package org.holidaydesk.assistant.ops;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.holidaydesk.assistant.privacy.Masking;
import org.springframework.core.env.Environment;

/**
 * What every log line goes through before it is written, text or JSON, whatever code logged it: anything
 * shaped like a phone number or a business-scoped user id is masked by {@link Masking}
 * ({@code +40******1234}); the configured secrets and any {@code Bearer} credential become {@code ****}.
 * A safety net under the rule that logs never carry guests' numbers, tokens or message bodies.
 *
 * <p>Runs of 8 to 15 digits count as phone numbers. Secrets are the values of the variables below, when
 * set and at least {@value #MIN_SECRET} characters long; the development verify token and an app secret
 * that development generated are not secrets (the startup banner prints them on purpose).
 */
public final class LogMasking {

    /** Variables whose values never appear in a log line. */
    static final List<String> SECRETS = List.of(
            "WHATSAPP_VERIFY_TOKEN",
            "WHATSAPP_APP_SECRET",
            "WHATSAPP_ACCESS_TOKEN",
            "OPERATOR_TOKEN",
            "OPENAI_API_KEY",
            "MEM0_API_KEY",
            "DATABASE_PASSWORD");

    static final int MIN_SECRET = 6;
    private static final String DEVELOPMENT_VERIFY_TOKEN = "dev-verify-token";
    private static final String HIDDEN = "****";

    private static final Pattern ADDRESS = Pattern.compile("(?<![\\w.])(\\+?\\d{8,15}|[A-Z]{2}\\.\\d{8,})(?![\\w])");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[\\w.~+/-]{6,}=*");

    private static final LogMasking NUMBERS_ONLY = new LogMasking(List.of());

    private final List<String> secrets;

    private LogMasking(List<String> secrets) {
        // longest first, so that a secret containing another is hidden whole
        this.secrets = secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Masking with the secrets {@code environment} holds; numbers and bearer credentials only when it is null. */
    public static LogMasking of(Environment environment) {
        if (environment == null) {
            return NUMBERS_ONLY;
        }
        boolean generatedSecret =
                environment.getProperty("assistant.whatsapp.app-secret-generated", Boolean.class, false);
        List<String> secrets = SECRETS.stream()
                .filter(name -> !(generatedSecret && name.equals("WHATSAPP_APP_SECRET")))
                .map(environment::getProperty)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(value -> value.length() >= MIN_SECRET && !value.equals(DEVELOPMENT_VERIFY_TOKEN))
                .distinct()
                .toList();
        return new LogMasking(secrets);
    }

    /** Numbers and bearer credentials only, for code that has no environment. */
    static LogMasking numbersOnly() {
        return NUMBERS_ONLY;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, HIDDEN);
            }
        }
        masked = BEARER.matcher(masked).replaceAll("$1" + HIDDEN);
        return maskAddresses(masked);
    }

    private static String maskAddresses(String text) {
        Matcher matcher = ADDRESS.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder();
        do {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(Masking.recipient(matcher.group(1))));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }

    /** For tests: the secrets this masking hides. */
    Stream<String> secrets() {
        return secrets.stream();
    }
}
