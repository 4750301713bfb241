package org.holidaydesk.assistant.property;

import org.holidaydesk.assistant.config.McpProperties;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;

/**
 * The property MCP server on its own, so that it can be deployed and scaled apart from the webhook:
 * the catalog, the calendar refresh route and {@code /mcp}, on the same database ({@code DATABASE_URL})
 * and ports as the whole service. Only this package is scanned and only {@code routes/property-*.camel.yaml}
 * is loaded (profile {@value #PROFILE}, {@code application-property-mcp.yml}), so no webhook route or bean starts.
 * {@code /mcp} is guarded as in the whole service: {@code MCP_AUTH_TOKEN} (required in production) and
 * {@code MCP_ALLOWED_ORIGINS}.
 *
 * <p>Run with {@code java -cp app.jar -Dloader.main=org.holidaydesk.assistant.property.PropertyMcpServerApplication
 * org.springframework.boot.loader.launch.PropertiesLauncher}. The profile keeps the whole service, which scans
 * this package too, from starting this class as part of itself.
 */
@SpringBootApplication
@EnableConfigurationProperties({PropertyProperties.class, McpProperties.class})
@Profile(PropertyMcpServerApplication.PROFILE)
public class PropertyMcpServerApplication {

    public static final String PROFILE = "property-mcp";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PropertyMcpServerApplication.class)
                .profiles(PROFILE)
                .run(args);
    }
}
