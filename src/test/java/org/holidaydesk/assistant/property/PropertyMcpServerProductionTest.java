package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The MCP server on its own in production, as its Kubernetes deployment runs it: the same {@code MCP_AUTH_TOKEN}
 * and {@code MCP_ALLOWED_ORIGINS} as the whole service guard its {@code /mcp}.
 */
@SpringBootTest(
        classes = PropertyMcpServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "APP_ENV=production",
            "MCP_AUTH_TOKEN=" + PropertyMcpServerProductionTest.TOKEN,
            "MCP_ALLOWED_ORIGINS=https://console.example.com",
            "WEBHOOK_PORT=0",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:prop-alone-prod-${random.uuid};DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles(PropertyMcpServerApplication.PROFILE)
class PropertyMcpServerProductionTest {

    static final String TOKEN = "standalone-mcp-token-41c0";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    @LocalServerPort
    private int port;

    private HttpResponse<String> post(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .headers("Content-Type", "application/json", "Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(LIST));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesAClientWithoutTheToken() throws Exception {
        HttpResponse<String> anonymous = post();
        HttpResponse<String> wrong = post("Authorization", "Bearer " + TOKEN.toUpperCase());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).startsWith("{\"jsonrpc\":\"2.0\"").doesNotContain("tools\":[");
    }

    @Test
    void refusesAForeignOriginEvenWithTheToken() throws Exception {
        HttpResponse<String> foreign = post("Authorization", "Bearer " + TOKEN, "Origin", "https://evil.example.com");
        HttpResponse<String> configured =
                post("Authorization", "Bearer " + TOKEN, "Origin", "https://console.example.com");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(configured.statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheToolsToAClientWithTheToken() throws Exception {
        try (McpClient client = new DefaultMcpClient.Builder()
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url("http://localhost:" + port + "/mcp")
                        .customHeaders(Map.of("Authorization", "Bearer " + TOKEN))
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
