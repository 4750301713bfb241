package org.holidaydesk.assistant.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code whatsapp_webhook_requests_total} by outcome. Every outcome is registered at startup, so that
 * each series is scraped from zero; the webhook routes count into them.
 */
@Component("webhookMetrics")
public class WebhookMetrics {

    public static final String REQUESTS = "whatsapp.webhook.requests";
    public static final List<String> OUTCOMES =
            List.of("accepted", "bad_signature", "malformed", "too_large", "unavailable");

    private final Map<String, Counter> counters;

    public WebhookMetrics(MeterRegistry registry) {
        this.counters = OUTCOMES.stream()
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(),
                        outcome -> Counter.builder(REQUESTS)
                                .description("Webhook callbacks by outcome")
                                .tag("outcome", outcome)
                                .register(registry)));
    }

    public void count(String outcome) {
        Counter counter = counters.get(outcome);
        if (counter == null) {
            throw new IllegalArgumentException("unknown webhook outcome " + outcome);
        }
        counter.increment();
    }
}
