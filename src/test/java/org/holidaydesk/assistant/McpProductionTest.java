package org.holidaydesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.holidaydesk.assistant.support.ProductionServiceTest;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} in production: closed to anyone without {@code MCP_AUTH_TOKEN}, while the assistant itself still
 * answers from the property tools with it. The tools are reached as a deployment with a separate MCP server reaches
 * them ({@code MCP_SERVER_URL}, here this service's own {@code /mcp}), so that both the model's and the offline
 * agent's tool calls travel over HTTP and must carry the token.
 */
@ProductionServiceTest
class McpProductionTest {

    static final String TOKEN = ProductionServiceTest.MCP_AUTH_TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final int PORT = StandIns.Production.webhookPort();
    private static final String CONTACT = "+40 700 000 000";
    private static final String GET_PROPERTY = """
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_property","arguments":{"property":"Casa Pescarului"}}}""";

    static final OpenAiStub model = StandIns.Production.model();
    static final CloudApiServer cloudApi = StandIns.Production.cloudApi();

    private HttpResponse<String> callTool(String... authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/mcp"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(GET_PROPERTY));
        if (authorization.length > 0) {
            request.header("Authorization", authorization[0]);
        }
        return new WebhookClient(PORT).send(request.build());
    }

    @Test
    void mcpWithoutTheTokenIsRefusedWith401() throws Exception {
        for (String[] credentials :
                List.of(new String[0], new String[] {"Bearer not-the-token"}, new String[] {"Basic " + TOKEN})) {
            HttpResponse<String> response = callTool(credentials);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(error.has("result")).isFalse();
            assertThat(response.body())
                    .contains("MCP_AUTH_TOKEN")
                    .doesNotContain("stackTrace", "xception", "java.", "org.");
        }
    }

    @Test
    void mcpWithTheTokenServesTheTools() throws Exception {
        HttpResponse<String> response = callTool("Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())
                        .at("/result/structuredContent/id")
                        .asText())
                .isEqualTo("casa-pescarului");
        try (McpClient client = new DefaultMcpClient.Builder()
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url("http://localhost:" + PORT + "/mcp")
                        .customHeaders(Map.of("Authorization", "Bearer " + TOKEN))
                        .timeout(Duration.ofSeconds(10))
                        .build())
                .toolExecutionTimeout(Duration.ofSeconds(10))
                .build()) {
            assertThat(client.listTools())
                    .extracting(ToolSpecification::name)
                    .contains("search_availability", "get_property");
            Object listing = client.executeTool(ToolExecutionRequest.builder()
                            .id("1")
                            .name("list_properties")
                            .arguments("{}")
                            .build())
                    .result();
            assertThat(JSON.valueToTree(listing).path("count").asInt()).isPositive();
        }
    }

    @Test
    void theModelsToolCallsCarryTheTokenAndItsAnswerReachesTheGuest() throws Exception {
        String guest = "40700400001";
        LocalDate checkIn = TODAY.plusMonths(1).withDayOfMonth(10);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("checkIn", checkIn.toString());
        arguments.put("checkOut", checkIn.plusDays(3).toString());
        arguments.put("guests", 2);
        arguments.put("property", "Casa Pescarului");
        String answer = "*Casa Pescarului* is looked up for you: walnut-7.";
        model.callToolThenAnswer("walnut-7", "search_availability", arguments, answer);

        say(guest, "walnut-7 Is Casa Pescarului free next month for 2?");

        assertThat(repliesTo(guest)).isEqualTo(answer);
        List<JsonNode> requests = model.requests("walnut-7");
        assertThat(requests).hasSize(2);
        JsonNode result = null;
        for (JsonNode message : requests.get(1).path("messages")) {
            if ("tool".equals(message.path("role").asText())) {
                result = JSON.readTree(message.path("content").asText());
            }
        }
        assertThat(result).as("the tool's answer in the model's second request").isNotNull();
        assertThat(result.at("/requested/propertyId").asText()).isEqualTo("casa-pescarului");
        assertThat(result.path("checkIn").asText()).isEqualTo(checkIn.toString());
    }

    @Test
    void theOfflineAgentsToolCallsCarryTheTokenWhenTheModelFails() {
        String guest = "40700400002";
        model.fail("chestnut-9", 500);

        say(guest, "chestnut-9 Is Casa Pescarului free next month for 2?");

        // free stretches with their nights come only from the tools' calendar; without them the guest would get
        // the business's contact instead
        String reply = repliesTo(guest);
        assertThat(reply)
                .contains("Casa Pescarului")
                .containsPattern("\\d+ nights")
                .doesNotContain(CONTACT)
                .doesNotContainIgnoringCase("exception");
    }

    private void say(String guest, String text) {
        byte[] body = new String(Fixtures.textCallback("wamid.mcp-production-" + guest, text), StandardCharsets.UTF_8)
                .replace("40752601815", guest)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(PORT)
                        .postCallback(body, Fixtures.sign(body))
                        .statusCode())
                .isEqualTo(200);
    }

    /** The first text the guest received. */
    private String repliesTo(String guest) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cloudApi.textSends().stream().anyMatch(send -> guest.equals(send.to())));
        return cloudApi.textSends().stream()
                .filter(send -> guest.equals(send.to()))
                .findFirst()
                .orElseThrow()
                .text();
    }
}
