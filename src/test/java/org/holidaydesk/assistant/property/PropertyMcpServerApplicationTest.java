package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The MCP server started on its own, as a separate Kubernetes deployment runs it: the property tools
 * and the calendar route answer, and nothing of the webhook is there.
 */
@SpringBootTest(
        classes = PropertyMcpServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WEBHOOK_PORT=0",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:prop-alone-${random.uuid};DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles(PropertyMcpServerApplication.PROFILE)
class PropertyMcpServerApplicationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private CamelContext camel;

    @Test
    void startsOnlyThePropertyRoutesAndBeans() {
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("property-calendar-refresh");
        assertThat(context.containsBean("callbackGate")).isFalse();
        assertThat(context.containsBean("inboxWriter")).isFalse();
        assertThat(context.containsBean("publicEndpoints")).isFalse();
        assertThat(context.containsBean("availabilityIndex")).isTrue();
    }

    @Test
    void servesTheToolsOverTheBundledSampleCatalog() throws Exception {
        try (McpClient client = new DefaultMcpClient.Builder()
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url("http://localhost:" + port + "/mcp")
                        .timeout(Duration.ofSeconds(10))
                        .build())
                .toolExecutionTimeout(Duration.ofSeconds(10))
                .build()) {
            assertThat(client.listTools()).extracting(ToolSpecification::name).contains("search_availability");

            Object result = client.executeTool(ToolExecutionRequest.builder()
                            .id("1")
                            .name("get_property")
                            .arguments(new ObjectMapper().writeValueAsString(Map.of("property", "Casa Pescariului")))
                            .build())
                    .result();

            assertThat(new ObjectMapper().valueToTree(result).path("id").asText())
                    .isEqualTo("casa-pescarului");
        }
    }
}
