package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Mem0, the hosted memory that lets the assistant recall what a guest said in earlier conversations. It is
 * optional and best-effort: without a key nothing is remembered across conversations, and a slow or failing
 * Mem0 only costs a guest's reply the recalled context, never the reply itself.
 *
 * @param apiKey  {@code MEM0_API_KEY}: the Mem0 platform key; blank turns cross-conversation memory off
 * @param baseUrl {@code MEM0_BASE_URL}: the Mem0 API, {@code https://api.mem0.ai} unless a proxy or a
 *                self-hosted server stands in for it
 * @param timeout how long one request to Mem0 may take, connecting included, before the assistant goes on
 *                without it; it is spent on the guest's reply, so it stays short
 * @param topK    how many remembered facts one search brings back into the conversation at most
 */
@Validated
@ConfigurationProperties("assistant.mem0")
public record Mem0Properties(
        String apiKey,

        @NotNull(message = "MEM0_BASE_URL must be an http(s) URL such as https://api.mem0.ai")
        URI baseUrl,

        @NotNull @DurationMin(millis = 1, message = "assistant.mem0.timeout must be positive")
        Duration timeout,

        @Min(1) @Max(20) int topK) {

    /** True when a key is set, so guests' conversations are remembered and recalled. */
    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }

    @AssertTrue(message = "MEM0_BASE_URL must be an http(s) URL such as https://api.mem0.ai")
    boolean isBaseUrlHttp() {
        return baseUrl == null
                || (baseUrl.getHost() != null
                        && ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())));
    }
}
