package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the assistant reaches the property tools and how long it remembers a guest's request.
 *
 * @param mcpServerUrl {@code MCP_SERVER_URL}: the property MCP server (Streamable HTTP); blank means the
 *                     server embedded in this service, {@code http://localhost:<public port>/mcp}
 * @param toolTimeout  how long connecting to the server or one tool call may take before the guest is
 *                     told to try again; well under the pipeline's agent timeout
 * @param contextTtl   how long the dates, party size and property a guest gave are kept for their next
 *                     messages; after that a new message starts afresh
 */
@Validated
@ConfigurationProperties("assistant.agent")
public record AgentProperties(
        @Pattern(
                regexp = "(https?://\\S+)?",
                message = "MCP_SERVER_URL must be an http(s) URL such as "
                        + "http://properties:3001/mcp, or unset for the embedded server")
        String mcpServerUrl,

        @NotNull Duration toolTimeout,
        @NotNull Duration contextTtl) {

    /** True when the tools are those of this service's own embedded server. */
    public boolean embeddedServer() {
        return mcpServerUrl == null || mcpServerUrl.isBlank();
    }
}
