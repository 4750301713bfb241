package org.holidaydesk.assistant.ops;

import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.reply.SendingPause;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code cloudApi} in {@code /actuator/health}: OUT_OF_SERVICE with Meta's reason while sending is
 * paused. It is deliberately not part of the readiness group: a paused replica must keep taking Meta's
 * callbacks, so Kubernetes must keep routing them to it.
 */
@Component
public class CloudApiHealthIndicator implements HealthIndicator {

    private final SendingPause pause;
    private final WhatsAppProperties whatsApp;

    public CloudApiHealthIndicator(SendingPause pause, WhatsAppProperties whatsApp) {
        this.pause = pause;
        this.whatsApp = whatsApp;
    }

    @Override
    public Health health() {
        if (!whatsApp.hasAccessToken()) {
            return Health.up()
                    .withDetail("mode", "sandbox")
                    .withDetail(
                            "detail",
                            "no WHATSAPP_ACCESS_TOKEN: replies are delivered to the local sandbox, not to WhatsApp")
                    .build();
        }
        return pause.current()
                .map(state -> Health.outOfService()
                        .withDetail("sending", "paused")
                        .withDetail("metaCode", state.metaCode())
                        .withDetail("reason", state.reason())
                        .withDetail("since", state.since().toString())
                        .withDetail("nextProbe", state.nextProbeAt().toString())
                        .build())
                .orElseGet(() -> Health.up().withDetail("sending", "active").build());
    }
}
