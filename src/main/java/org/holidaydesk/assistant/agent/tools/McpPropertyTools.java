package org.holidaydesk.assistant.agent.tools;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.holidaydesk.assistant.config.AgentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The property tools as the offline agent reads them: calls over the shared {@link McpConnection}, the
 * same server and tools the model uses, so that both answer from one source. Every call is bounded by
 * {@code assistant.agent.tool-timeout}; a call that fails on the way drops the connection for the next
 * call to make afresh. When the server is this service's embedded one, the offline agent calls its tools
 * in-process instead: the same handlers and the same JSON, without a loopback HTTP round trip per call
 * (README, Performance); the model keeps the MCP client, whose calls are few beside its own requests.
 */
@Component
public class McpPropertyTools implements PropertyTools {

    private final McpConnection connection;
    private final AtomicLong requestIds = new AtomicLong();
    /** The embedded server's tools in-process (tool name, JSON arguments to JSON answer); null over MCP. */
    private final BiFunction<String, String, String> inProcess;

    @Autowired
    McpPropertyTools(
            McpConnection connection,
            AgentProperties properties,
            @Qualifier("embeddedPropertyTools") ObjectProvider<BiFunction<String, String, String>> embedded) {
        this.connection = connection;
        this.inProcess = properties.embeddedServer() ? embedded.getIfAvailable() : null;
    }

    /** Tools over a connection of their own, always over MCP (tests, tools on another server). */
    public McpPropertyTools(AgentProperties properties, Environment environment) {
        this.connection = new McpConnection(properties, environment);
        this.inProcess = null;
    }

    /** Where the tools are. */
    public String serverUrl() {
        return connection.serverUrl();
    }

    /** Closes the connection. */
    public void destroy() {
        connection.destroy();
    }

    @Override
    public List<PropertySummary> listProperties() {
        return read(call("list_properties", Map.of()).path("properties"), new TypeReference<>() {});
    }

    @Override
    public PropertyDetails details(String property) {
        return read(call("get_property", Map.of("property", property)), new TypeReference<>() {});
    }

    @Override
    public HouseGuide guide(String property, String language) {
        return read(call("get_house_guide", guideArguments(property, language)), new TypeReference<>() {});
    }

    /** The arguments of {@code get_house_guide}: only those given. */
    static Map<String, Object> guideArguments(String property, String language) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (property != null && !property.isBlank()) {
            arguments.put("property", property);
        }
        if (language != null) {
            arguments.put("language", language);
        }
        return arguments;
    }

    @Override
    public Availability search(LocalDate checkIn, LocalDate checkOut, int guests, String property) {
        Map<String, Object> arguments = stay(checkIn, checkOut, guests);
        if (property != null && !property.isBlank()) {
            arguments.put("property", property);
        }
        return read(call("search_availability", arguments), new TypeReference<>() {});
    }

    @Override
    public Calendar calendar(String property, LocalDate from) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("property", property);
        if (from != null) {
            arguments.put("from", from.toString());
        }
        return read(call("get_calendar", arguments), new TypeReference<>() {});
    }

    @Override
    public BookingLink bookingLink(String property, LocalDate checkIn, LocalDate checkOut, int guests) {
        Map<String, Object> arguments = stay(checkIn, checkOut, guests);
        arguments.put("property", property);
        return read(call("create_booking_link", arguments), new TypeReference<>() {});
    }

    private static Map<String, Object> stay(LocalDate checkIn, LocalDate checkOut, int guests) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("checkIn", checkIn.toString());
        arguments.put("checkOut", checkOut.toString());
        arguments.put("guests", guests);
        return arguments;
    }

    private JsonNode call(String tool, Map<String, Object> arguments) {
        if (inProcess != null) {
            return callInProcess(tool, arguments);
        }
        McpClient mcp = connection.client();
        ToolExecutionResult result;
        try {
            result = mcp.executeTool(ToolExecutionRequest.builder()
                    .id(Long.toString(requestIds.incrementAndGet()))
                    .name(tool)
                    .arguments(JSON.writeValueAsString(arguments))
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
            return JSON.readTree(result.resultText());
        } catch (JsonProcessingException e) {
            throw new ToolsUnavailableException("Property tool " + tool + " answered something that is not JSON", e);
        }
    }

    private JsonNode callInProcess(String tool, Map<String, Object> arguments) {
        try {
            return JSON.readTree(inProcess.apply(tool, JSON.writeValueAsString(arguments)));
        } catch (IllegalArgumentException refused) {
            throw new ToolRefusedException(tool, refused.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new ToolsUnavailableException("Property tool " + tool + " failed", e);
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
        if (e.errorCode() != null
                || cause == null
                || cause.getClass() != RuntimeException.class
                || cause.getCause() != null
                || cause.getMessage() == null
                || cause.getMessage().startsWith("Unexpected status code")) {
            return null;
        }
        return cause.getMessage();
    }

    /** Drops the client so that the next call connects afresh; another thread may have replaced it already. */
    private ToolsUnavailableException unavailable(McpClient failed, String tool, Exception cause) {
        connection.failed(failed);
        return new ToolsUnavailableException(
                "Property tool " + tool + " did not answer"
                        + (cause == null ? " in time" : ": " + cause.getClass().getSimpleName()),
                cause);
    }

    private <T> T read(JsonNode node, TypeReference<T> type) {
        try {
            return JSON.readerFor(type).readValue(node);
        } catch (java.io.IOException e) {
            throw new ToolsUnavailableException("A property tool's answer does not have the expected shape", e);
        }
    }
}
