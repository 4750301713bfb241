package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code MCP_AUTH_TOKEN} and {@code MCP_ALLOWED_ORIGINS} as the service reads them, and what it refuses. */
class McpPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(McpProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "assistant.mcp.auth-token=${MCP_AUTH_TOKEN:}",
                    "assistant.mcp.allowed-origins=${MCP_ALLOWED_ORIGINS:}");

    @Test
    void readsACommaSeparatedListOfOrigins() {
        context.withPropertyValues(
                        "MCP_ALLOWED_ORIGINS= https://app.example.com , http://localhost:5173,,https://[2001:db8::1]:8443/")
                .run(started -> assertThat(started.getBean(McpProperties.class).allowedOrigins())
                        .containsExactly(
                                "https://app.example.com", "http://localhost:5173", "https://[2001:db8::1]:8443/"));
    }

    @Test
    void needsNothingByDefault() {
        context.run(started -> {
            McpProperties mcp = started.getBean(McpProperties.class);
            assertThat(mcp.allowedOrigins()).isEmpty();
            assertThat(mcp.hasAuthToken()).isFalse();
        });
    }

    @Test
    void refusesSomethingThatIsNoOriginNamingTheVariable() {
        for (String wrong : new String[] {
            "*",
            "app.example.com",
            "https://app.example.com/path",
            "ftp://files.example.com",
            "https://app.example.com?x=1"
        }) {
            context.withPropertyValues("MCP_ALLOWED_ORIGINS=https://ok.example.com," + wrong)
                    .run(started -> assertThat(started)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .as(wrong)
                            .hasMessageContaining("MCP_ALLOWED_ORIGINS"));
        }
    }

    @Test
    void neverPrintsTheToken() {
        McpProperties mcp = new McpProperties("very-secret-token", null);

        assertThat(mcp.hasAuthToken()).isTrue();
        assertThat(mcp.toString()).doesNotContain("very-secret-token");
    }
}
