package org.holidaydesk.assistant.agent.tools;

import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.holidaydesk.assistant.config.AgentProperties;
import org.holidaydesk.assistant.config.McpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one connection to the property MCP server (Streamable HTTP, LangChain4j's client) that the
 * offline agent and the model share. It is made on first use, not at startup: the client connects when
 * built, and the embedded server only listens once the web server is up. A connection that failed is
 * dropped by whoever saw it fail, and the next use connects afresh, so a server that comes back is used
 * again without a restart. Connecting and each tool call are bounded by {@code assistant.agent.tool-timeout}.
 * With {@code MCP_AUTH_TOKEN} set, every request carries it as {@code Authorization: Bearer}, to the embedded
 * server and to {@code MCP_SERVER_URL} alike.
 */
@Component
class McpConnection implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);

    private final AgentProperties properties;
    private final McpProperties mcp;
    private final Environment environment;
    private final AtomicReference<McpClient> client = new AtomicReference<>();
    private final ReentrantLock connecting = new ReentrantLock();

    @Autowired
    McpConnection(AgentProperties properties, McpProperties mcp, Environment environment) {
        this.properties = properties;
        this.mcp = mcp;
        this.environment = environment;
    }

    /** A connection of its own, with {@code assistant.mcp} read from the environment (tests, tools on another server). */
    McpConnection(AgentProperties properties, Environment environment) {
        this(
                properties,
                Binder.get(environment)
                        .bind("assistant.mcp", McpProperties.class)
                        .orElseGet(() -> new McpProperties(null, null)),
                environment);
    }

    /** The connected client; throws {@link ToolsUnavailableException} when the server cannot be reached. */
    McpClient client() {
        McpClient current = client.get();
        if (current != null) {
            return current;
        }
        connecting.lock();
        try {
            current = client.get();
            if (current == null) {
                current = connect(serverUrl());
                client.set(current);
            }
            return current;
        } finally {
            connecting.unlock();
        }
    }

    /** The client when one is connected, else null; connects nothing. */
    McpClient currentOrNull() {
        return client.get();
    }

    /** Drops a client that failed, so that the next use connects afresh; another thread may have replaced it already. */
    void failed(McpClient failed) {
        if (client.compareAndSet(failed, null)) {
            closeQuietly(failed);
        }
    }

    /** Where the tools are: {@code MCP_SERVER_URL}, or this service's own server on the port it listens on. */
    String serverUrl() {
        if (!properties.embeddedServer()) {
            return properties.mcpServerUrl();
        }
        // local.server.port is the port actually bound (WEBHOOK_PORT=0 picks a free one); known once the server is up
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3001"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + contextPath + "/mcp";
    }

    /** Closes the client when the service stops. */
    @Override
    public void destroy() {
        McpClient current = client.getAndSet(null);
        if (current != null) {
            closeQuietly(current);
        }
    }

    private McpClient connect(String url) {
        try {
            McpClient connected = new DefaultMcpClient.Builder()
                    .key("properties")
                    .clientName("holidaydesk-assistant")
                    .transport(new StreamableHttpMcpTransport.Builder()
                            .url(url)
                            .customHeaders(credentials())
                            .timeout(properties.toolTimeout())
                            .build())
                    .initializationTimeout(properties.toolTimeout())
                    .toolExecutionTimeout(properties.toolTimeout())
                    // a broken connection is noticed by the next call and the client rebuilt then
                    .autoHealthCheck(false)
                    .build();
            LOG.info("Connected to the property tools at {}", url);
            return connected;
        } catch (RuntimeException e) {
            throw new ToolsUnavailableException("Cannot connect to the property tools at " + url, e);
        }
    }

    /** {@code Authorization: Bearer MCP_AUTH_TOKEN} when the token is set; no header otherwise. */
    Map<String, String> credentials() {
        return mcp.hasAuthToken()
                ? Map.of("Authorization", "Bearer " + mcp.authToken().strip())
                : Map.of();
    }

    private static void closeQuietly(McpClient mcp) {
        try {
            mcp.close();
        } catch (Exception e) {
            LOG.debug("Closing the property tools client failed", e);
        }
    }
}
