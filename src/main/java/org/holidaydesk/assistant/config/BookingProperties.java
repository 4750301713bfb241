package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How booking links and dates reach the guest.
 *
 * @param publicBaseUrl {@code PUBLIC_BASE_URL}, the address guests' tracked booking links start with
 *                      ({@code {PUBLIC_BASE_URL}/b/{token}}); blank in development means
 *                      {@code http://localhost:${WEBHOOK_PORT}}, blank in production sends the booking page's
 *                      own address, untracked (said once in the log at startup)
 * @param datesFlowId   {@code WHATSAPP_DATES_FLOW_ID}, the published date-picker Flow offered when a guest's
 *                      dates are vague; blank: no date picker
 */
@Validated
@ConfigurationProperties("assistant.booking")
public record BookingProperties(
        @Pattern(
                regexp = "(https?://[^\\s?#]+)?",
                message = "PUBLIC_BASE_URL must be an http(s) address without query, e.g. https://book.example.com")
        String publicBaseUrl,

        @Pattern(regexp = "\\d*", message = "WHATSAPP_DATES_FLOW_ID must be the numeric id of the published Flow")
        String datesFlowId) {

    public boolean datePicker() {
        return datesFlowId != null && !datesFlowId.isBlank();
    }
}
