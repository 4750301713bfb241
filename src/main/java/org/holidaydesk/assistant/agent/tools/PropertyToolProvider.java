package org.holidaydesk.assistant.agent.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.holidaydesk.assistant.config.AgentProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The property MCP tools as the model sees them, from the shared {@link McpConnection}. LangChain4j's
 * {@link McpToolProvider} turns them into tools and runs them; listing them first is bounded here by
 * {@code assistant.agent.tool-timeout}, since the client itself would wait without limit. The list is
 * cached by the client, so after the first turn this costs nothing. A server that cannot list its tools
 * fails the turn (the offline agent then answers): a model without tools must not talk about availability.
 */
@Component
public class PropertyToolProvider implements ToolProvider, DisposableBean {

    private final McpConnection connection;
    private final AgentProperties properties;
    private final ExecutorService listing = Executors.newVirtualThreadPerTaskExecutor();

    PropertyToolProvider(McpConnection connection, AgentProperties properties) {
        this.connection = connection;
        this.properties = properties;
    }

    @Override
    public ToolProviderResult provideTools(ToolProviderRequest request) {
        McpClient client = connection.client();
        List<ToolSpecification> tools = listTools(client);
        if (tools.isEmpty()) {
            throw new ToolsUnavailableException("The property MCP server lists no tools", null);
        }
        return McpToolProvider.builder()
                .mcpClients(client)
                .failIfOneServerFails(true)
                .build()
                .provideTools(request);
    }

    /**
     * What the model hears when a tool call fails: a tool's refusal ({@code isError}, such as dates in
     * the past) as text it can act on; a call that failed on the way (server down, HTTP error) fails the
     * turn instead, so that the guest gets the offline agent's answer or the business's contact rather
     * than a model guessing without data. The connection is then made afresh by the next turn.
     */
    public ToolErrorHandlerResult onToolError(Throwable error, ToolErrorContext context) {
        if (failedOnTheWay(error)) {
            McpClient current = connection.currentOrNull();
            if (current != null) {
                connection.failed(current);
            }
            throw new ToolsUnavailableException(
                    "Property tool " + context.toolExecutionRequest().name() + " could not be reached", error);
        }
        return ToolErrorHandlerResult.text(error.getMessage() == null ? "The tool failed." : error.getMessage());
    }

    private static boolean failedOnTheWay(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException
                    || cause instanceof ToolsUnavailableException
                    || (cause.getMessage() != null && cause.getMessage().startsWith("Unexpected status code"))) {
                return true;
            }
        }
        return false;
    }

    private List<ToolSpecification> listTools(McpClient client) {
        Future<List<ToolSpecification>> tools = listing.submit(() -> client.listTools());
        try {
            return tools.get(properties.toolTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            tools.cancel(true);
            connection.failed(client);
            throw new ToolsUnavailableException(
                    "The property MCP server did not list its tools within " + properties.toolTimeout(), e);
        } catch (ExecutionException e) {
            connection.failed(client);
            throw new ToolsUnavailableException("The property MCP server could not list its tools", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolsUnavailableException("Interrupted while listing the property tools", e);
        }
    }

    @Override
    public void destroy() {
        listing.shutdownNow();
    }
}
