package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Handing a guest to a person at the business.
 *
 * @param webhookUrl  {@code HANDOFF_WEBHOOK_URL}: where the business is told (a JSON POST in the shape Slack
 *                    and Teams incoming webhooks accept); unset, nobody is notified
 * @param quietTime   the assistant stays quiet for a handed-off guest this long after the person's last
 *                    message (or after the handoff, when the person has not written yet)
 * @param operatorUrl the operator port as the business reaches it, for the link in the notification
 */
@Validated
@ConfigurationProperties("assistant.handoff")
public record HandoffProperties(
        @Pattern(regexp = "(https?://\\S+)?", message = "HANDOFF_WEBHOOK_URL must be an http(s) URL")
        String webhookUrl,

        @NotNull Duration quietTime,
        @NotNull String operatorUrl) {

    public boolean notifies() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
