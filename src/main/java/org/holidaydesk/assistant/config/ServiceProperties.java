package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the service is and where it runs.
 *
 * @param environment     {@code APP_ENV}
 * @param businessContact {@code BUSINESS_CONTACT}, given to guests when the assistant cannot answer
 * @param operatorToken   {@code OPERATOR_TOKEN}, bearer token for operator write actions
 */
@Validated
@ConfigurationProperties("assistant")
public record ServiceProperties(
        @NotNull AppEnvironment environment, @NotBlank String businessContact, String operatorToken) {

    public boolean production() {
        return environment == AppEnvironment.PRODUCTION;
    }
}
