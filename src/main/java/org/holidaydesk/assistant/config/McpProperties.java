package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the property MCP server at {@code /mcp}, and what this service's own MCP client presents to it.
 * Both the whole service and the MCP server on its own read these.
 *
 * @param authToken      {@code MCP_AUTH_TOKEN}: the bearer token {@code /mcp} requires, and the one the service's
 *                       MCP client sends (to its embedded server or to {@code MCP_SERVER_URL}). Production refuses to
 *                       start without it; in development, blank means {@code /mcp} answers loopback clients only
 * @param allowedOrigins {@code MCP_ALLOWED_ORIGINS}: comma-separated browser origins ({@code https://app.example.com})
 *                       that may call {@code /mcp}, besides loopback ones; a request with any other {@code Origin} gets 403
 */
@Validated
@ConfigurationProperties("assistant.mcp")
public record McpProperties(
        String authToken,
        List<
                        @Pattern(
                                regexp = ORIGIN,
                                message = "MCP_ALLOWED_ORIGINS must list origins such as https://app.example.com "
                                        + "(scheme, host and optional port; no path), separated by commas")
                        String>
                allowedOrigins) {

    /** An origin as browsers send it: http(s), a host name, IPv4 or bracketed IPv6 address, and a port; a trailing slash is forgiven. */
    static final String ORIGIN = "(?i)https?://(\\[[0-9a-f:.]+]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:[0-9]{1,5})?/?";

    public McpProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }

    /** True when {@code MCP_AUTH_TOKEN} is set: {@code /mcp} then requires it from every client. */
    public boolean hasAuthToken() {
        return authToken != null && !authToken.isBlank();
    }

    @Override
    public String toString() {
        // never the token itself: this record may end up in a log line
        return "McpProperties[authToken=" + (hasAuthToken() ? "(set)" : "(none)") + ", allowedOrigins=" + allowedOrigins
                + "]";
    }
}
