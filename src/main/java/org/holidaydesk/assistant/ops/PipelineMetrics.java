package org.holidaydesk.assistant.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.holidaydesk.assistant.inbox.InboxClaims;
import org.springframework.stereotype.Component;

/** {@code whatsapp_ingress_lag_seconds}: how long the oldest stored callback has waited to be processed. */
@Component
class PipelineMetrics {

    PipelineMetrics(MeterRegistry registry, InboxClaims inbox) {
        Gauge.builder("whatsapp.ingress.lag", inbox, PipelineMetrics::lagOrZero)
                .description("Age of the oldest unprocessed inbox row")
                .baseUnit("seconds")
                .register(registry);
    }

    private static double lagOrZero(InboxClaims inbox) {
        try {
            return inbox.oldestPendingAgeSeconds();
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }
}
