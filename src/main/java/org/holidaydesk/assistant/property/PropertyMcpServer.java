package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.config.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The property tools as an MCP server over Streamable HTTP at {@value #PATH} on the public port.
 * Stateless: every request stands alone, so any replica can answer it and nothing is kept per client.
 * The transport is a plain servlet registered next to Spring MVC, which Camel's platform-http uses.
 *
 * <p>Bad input is not a protocol error: the tool answers {@code isError: true} with text that tells
 * the model what to ask the guest. Error answers carry text only, so that clients which surface the
 * first available payload (LangChain4j hands the model the structured content when there is one)
 * show the model that sentence.
 */
@Configuration(proxyBeanMethods = false)
class PropertyMcpServer {

    static final String PATH = "/mcp";
    static final String SERVER_NAME = "holidaydesk-properties";
    /** The bean name of {@link #embeddedPropertyTools}, by which the agent asks for it (it sees no type of this package). */
    public static final String EMBEDDED_TOOLS = "embeddedPropertyTools";

    private static final Logger LOG = LoggerFactory.getLogger(PropertyMcpServer.class);

    private static final String INSTRUCTIONS = """
            Tools for a holiday-property business: its properties, their free dates and prices, and links to \
            its booking page. Answer guests' questions about availability and prices only from these tools, \
            never from memory. Dates are ISO yyyy-MM-dd; a stay's checkOut is the departure day. \
            A booking link reserves nothing: the guest books on the page it opens.""";

    @Bean
    McpJsonMapper propertyMcpJsonMapper() {
        return new JacksonMcpJsonMapper(JsonMappers.JSON);
    }

    @Bean
    HttpServletStatelessServerTransport propertyMcpTransport(McpJsonMapper propertyMcpJsonMapper) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(propertyMcpJsonMapper)
                .messageEndpoint(PATH)
                .build();
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer propertyMcpSyncServer(
            HttpServletStatelessServerTransport propertyMcpTransport,
            McpJsonMapper propertyMcpJsonMapper,
            List<PropertyTool> tools) {
        List<McpStatelessServerFeatures.SyncToolSpecification> specifications = tools.stream()
                .map(tool -> new McpStatelessServerFeatures.SyncToolSpecification(
                        tool.definition(propertyMcpJsonMapper), (context, request) -> answer(tool, request)))
                .toList();
        return McpServer.sync(propertyMcpTransport)
                .serverInfo(SERVER_NAME, version())
                .instructions(INSTRUCTIONS)
                .jsonMapper(propertyMcpJsonMapper)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                // answer on the request's own (virtual) thread instead of hopping to a scheduler
                .immediateExecution(true)
                .tools(specifications)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> propertyMcpServlet(
            HttpServletStatelessServerTransport propertyMcpTransport, McpStatelessSyncServer propertyMcpSyncServer) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(propertyMcpTransport, PATH);
        registration.setName("propertyMcpServer");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * The same tools called in-process, for this service's own offline agent when the server is the embedded
     * one: a tool's name and JSON arguments give its structured answer as JSON, the very answer a client gets
     * over {@value #PATH} (through {@link #answer}), without a round trip over loopback HTTP. A refusal
     * ({@code isError}) throws {@link IllegalArgumentException} with the tool's text. Plain JDK types, so that
     * the agent needs nothing of this package.
     */
    @Bean(EMBEDDED_TOOLS)
    BiFunction<String, String, String> embeddedPropertyTools(
            List<PropertyTool> tools, McpJsonMapper propertyMcpJsonMapper) {
        Map<String, PropertyTool> byName = tools.stream()
                .collect(Collectors.toMap(
                        tool -> tool.definition(propertyMcpJsonMapper).name(), tool -> tool));
        return (name, arguments) -> {
            PropertyTool tool = byName.get(name);
            if (tool == null) {
                throw new IllegalArgumentException("There is no tool named " + name + ".");
            }
            try {
                McpSchema.CallToolResult result = answer(
                        tool,
                        new McpSchema.CallToolRequest(
                                name,
                                propertyMcpJsonMapper.readValue(arguments, new TypeRef<Map<String, Object>>() {})));
                if (Boolean.TRUE.equals(result.isError())) {
                    throw new IllegalArgumentException(
                            ((McpSchema.TextContent) result.content().get(0)).text());
                }
                return propertyMcpJsonMapper.writeValueAsString(result.structuredContent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    static McpSchema.CallToolResult answer(PropertyTool tool, McpSchema.CallToolRequest request) {
        try {
            PropertyTool.Answer answer = tool.call(new ToolArguments(request.arguments()));
            return McpSchema.CallToolResult.builder()
                    .structuredContent(answer.structured())
                    .addTextContent(answer.text())
                    .isError(false)
                    .build();
        } catch (PropertyRequestException guidance) {
            return error(guidance.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Tool {} failed", request.name(), e);
            return error("Availability could not be checked just now because of an internal error. Do not guess: "
                    + "tell the guest you will check and get back to them, or give them the business's contact.");
        }
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .isError(true)
                .build();
    }

    private static String version() {
        String version = PropertyMcpServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
