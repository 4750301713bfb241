package org.holidaydesk.assistant.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.holidaydesk.assistant.config.AgentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The property tools over MCP (Streamable HTTP) with the LangChain4j client, the same server and tools
 * the model uses, so that both answer from one source. The client is built on the first call, not at
 * startup: it connects when built, and the embedded server only listens once the web server is up.
 * A client whose connection failed is closed and built again by the next call, so a server that comes
 * back is used again without a restart. Every call, and the connection itself, is bounded by
 * {@code assistant.agent.tool-timeout}.
 */
@Component
class McpPropertyTools implements PropertyTools, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(McpPropertyTools.class);

    private final AgentProperties properties;
    private final Environment environment;
    private final JsonMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final AtomicReference<McpClient> client = new AtomicReference<>();
    private final ReentrantLock connecting = new ReentrantLock();
    private final AtomicLong requestIds = new AtomicLong();

    McpPropertyTools(AgentProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public List<PropertySummary> listProperties() {
        return read(call("list_properties", Map.of()).path("properties"), new TypeReference<>() {
        });
    }

    @Override
    public Availability search(LocalDate checkIn, LocalDate checkOut, int guests, String property) {
        Map<String, Object> arguments = stay(checkIn, checkOut, guests);
        if (property != null && !property.isBlank()) {
            arguments.put("property", property);
        }
        return read(call("search_availability", arguments), new TypeReference<>() {
        });
    }

    @Override
    public Calendar calendar(String property, LocalDate from) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("property", property);
        if (from != null) {
            arguments.put("from", from.toString());
        }
        return read(call("get_calendar", arguments), new TypeReference<>() {
        });
    }

    @Override
    public BookingLink bookingLink(String property, LocalDate checkIn, LocalDate checkOut, int guests) {
        Map<String, Object> arguments = stay(checkIn, checkOut, guests);
        arguments.put("property", property);
        return read(call("create_booking_link", arguments), new TypeReference<>() {
        });
    }

    /** Closes the client when the service stops. */
    @Override
    public void destroy() {
        McpClient current = client.getAndSet(null);
        if (current != null) {
            closeQuietly(current);
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

    private static Map<String, Object> stay(LocalDate checkIn, LocalDate checkOut, int guests) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("checkIn", checkIn.toString());
        arguments.put("checkOut", checkOut.toString());
        arguments.put("guests", guests);
        return arguments;
    }

    private JsonNode call(String tool, Map<String, Object> arguments) {
        McpClient mcp = client();
        ToolExecutionResult result;
        try {
            result = mcp.executeTool(ToolExecutionRequest.builder()
                    .id(Long.toString(requestIds.incrementAndGet()))
                    .name(tool)
                    .arguments(json.writeValueAsString(arguments))
                    .build());
        } catch (ToolExecutionException e) {
            String reason = refusal(e);
            if (reason != null) {
                throw new ToolRefusedException(tool, reason);
            }
            throw unavailable(mcp, tool, e);
        } catch (JsonProcessingException | RuntimeException e) {
            throw unavailable(mcp, tool, e);
        }
        if (result.result() == null || result.resultText() == null) {
            // the client answers a timeout with plain text and no structured content
            throw unavailable(mcp, tool, null);
        }
        try {
            return json.readTree(result.resultText());
        } catch (JsonProcessingException e) {
            throw new ToolsUnavailableException("Property tool " + tool + " answered something that is not JSON", e);
        }
    }

    /**
     * The tool's reason when the exception carries an {@code isError} answer, null when the call failed on
     * the way. The client reports both as a {@link ToolExecutionException}: an answer's text comes wrapped
     * in a plain {@link RuntimeException}, while a failed request carries the I/O error that failed it, or
     * a plain one naming an HTTP status, and a JSON-RPC error carries its code.
     */
    private static String refusal(ToolExecutionException e) {
        Throwable cause = e.getCause();
        if (e.errorCode() != null || cause == null || cause.getClass() != RuntimeException.class || cause.getCause() != null
                || cause.getMessage() == null || cause.getMessage().startsWith("Unexpected status code")) {
            return null;
        }
        return cause.getMessage();
    }

    private McpClient client() {
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

    private McpClient connect(String url) {
        try {
            McpClient connected = new DefaultMcpClient.Builder()
                    .key("properties")
                    .clientName("holidaydesk-offline-agent")
                    .transport(new StreamableHttpMcpTransport.Builder()
                            .url(url)
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

    /** Drops the client so that the next call connects afresh; another thread may have replaced it already. */
    private ToolsUnavailableException unavailable(McpClient failed, String tool, Exception cause) {
        if (client.compareAndSet(failed, null)) {
            closeQuietly(failed);
        }
        return new ToolsUnavailableException("Property tool " + tool + " did not answer"
                + (cause == null ? " in time" : ": " + cause.getClass().getSimpleName()), cause);
    }

    private <T> T read(JsonNode node, TypeReference<T> type) {
        try {
            return json.readerFor(type).readValue(node);
        } catch (java.io.IOException e) {
            throw new ToolsUnavailableException("A property tool's answer does not have the expected shape", e);
        }
    }

    private static void closeQuietly(McpClient mcp) {
        try {
            mcp.close();
        } catch (Exception e) {
            LOG.debug("Closing the property tools client failed", e);
        }
    }
}
