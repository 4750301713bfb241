package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import org.holidaydesk.assistant.config.McpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link McpRequestFilter} in front of the MCP transport, on {@value PropertyMcpServer#PATH} alone: the
 * origins, the credential ({@code MCP_AUTH_TOKEN}, which production cannot start without) and the shape of each
 * request are checked before any tool can run, and every error comes back as a JSON-RPC error. The same in the
 * whole service and in the MCP server on its own. The protocol versions accepted in {@code MCP-Protocol-Version}
 * are the transport's own.
 */
@Configuration(proxyBeanMethods = false)
class McpEndpointSecurity {

    @Bean
    FilterRegistrationBean<McpRequestFilter> propertyMcpRequestFilter(
            McpProperties mcp,
            HttpServletStatelessServerTransport propertyMcpTransport,
            McpJsonMapper propertyMcpJsonMapper) {
        McpRequestFilter filter = new McpRequestFilter(
                new McpOrigins(mcp.allowedOrigins()),
                mcp.authToken(),
                propertyMcpTransport.protocolVersions(),
                propertyMcpJsonMapper);
        FilterRegistrationBean<McpRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PropertyMcpServer.PATH);
        registration.setName("propertyMcpRequestFilter");
        // before every other filter: a refused request costs nothing more
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
