package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp Cloud API side: the webhook's secrets and the send path.
 *
 * @param verifyToken        {@code WHATSAPP_VERIFY_TOKEN}, echoed by Meta in the GET verification
 * @param appSecret          {@code WHATSAPP_APP_SECRET}, key of every callback's HMAC signature
 * @param appSecretGenerated true when no secret was configured and development generated one
 * @param accessToken        {@code WHATSAPP_ACCESS_TOKEN}; blank in development sends to the local sandbox
 * @param phoneNumberId      {@code WHATSAPP_PHONE_NUMBER_ID}, the number the service starts messages from
 * @param apiBaseUrl         {@code WHATSAPP_API_BASE_URL}
 * @param apiVersion         {@code WHATSAPP_API_VERSION}
 */
@Validated
@ConfigurationProperties("assistant.whatsapp")
public record WhatsAppProperties(
        @NotBlank String verifyToken,
        @NotBlank String appSecret,
        boolean appSecretGenerated,
        String accessToken,

        @NotBlank @Pattern(regexp = "\\d+", message = "must be the numeric phone number id")
        String phoneNumberId,

        @NotNull URI apiBaseUrl,

        @NotBlank @Pattern(regexp = "v\\d+\\.\\d+", message = "must look like v24.0")
        String apiVersion) {

    /** A Graph API address of this version: {@code {WHATSAPP_API_BASE_URL}/{WHATSAPP_API_VERSION}/{path}}. */
    public String graphUrl(String path) {
        String base = apiBaseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + apiVersion + "/" + path;
    }

    public boolean hasAccessToken() {
        return accessToken != null && !accessToken.isBlank();
    }
}
