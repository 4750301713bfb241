package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.holidaydesk.assistant.AssistantApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * {@code /mcp} of the whole service over real HTTP, as the 2025-11-25 transport asks: a foreign {@code Origin} is
 * refused before any tool runs, every malformed request gets its JSON-RPC error (never a serialized exception),
 * and an unsupported {@code MCP-Protocol-Version} gets 400. Development, no token: the test is on loopback.
 */
@SpringBootTest(
        classes = AssistantApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WEBHOOK_PORT=0",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:mcp-endpoint-${random.uuid};DB_CLOSE_DELAY=-1",
            "MCP_ALLOWED_ORIGINS=https://app.example.com, http://tools.example.com:8080"
        })
class McpEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOTH = "application/json, text/event-stream";
    private static final String GET_PROPERTY = """
            {"jsonrpc":"2.0","id":"call-1","method":"tools/call","params":{"name":"get_property","arguments":{"property":"Casa Pescarului"}}}""";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    GetPropertyTool getProperty;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void forgetEarlierCalls() {
        clearInvocations(getProperty);
    }

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoCodeIn(HttpResponse<String> response) {
        assertThat(response.body())
                .doesNotContain("stackTrace", "xception", "java.", "org.", "io.modelcontextprotocol");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aForeignOriginGets403AndNoToolRuns() throws Exception {
        HttpResponse<String> response = post(
                GET_PROPERTY, "Content-Type", "application/json", "Accept", BOTH, "Origin", "http://evil.example.com");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(error.path("error").path("code").isInt()).isTrue();
        assertThat(error.has("result")).isFalse();
        assertNoCodeIn(response);
        verify(getProperty, never()).call(any());
    }

    @Test
    void aConfiguredOrLoopbackOriginCallsTheTool() throws Exception {
        for (String origin :
                new String[] {"https://app.example.com", "http://tools.example.com:8080", "http://localhost:5173"}) {
            HttpResponse<String> response =
                    post(GET_PROPERTY, "Content-Type", "application/json", "Accept", BOTH, "Origin", origin);

            assertThat(response.statusCode()).as(origin).isEqualTo(200);
            assertThat(JSON.readTree(response.body())
                            .at("/result/structuredContent/id")
                            .asText())
                    .isEqualTo("casa-pescarului");
        }
        verify(getProperty, times(3)).call(any());
    }

    static Stream<Arguments> malformedRequests() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
        String[] json = {"Content-Type", "application/json", "Accept", BOTH};
        return Stream.of(
                Arguments.of("malformed JSON", "{\"jsonrpc\":\"2.0\",\"id\":", json, 400, -32700, null),
                Arguments.of("no method", "{\"jsonrpc\":\"2.0\",\"id\":6}", json, 400, -32600, 6),
                Arguments.of("a batch", "[" + ping + "]", json, 400, -32600, null),
                Arguments.of("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}", json, 400, -32600, 7),
                Arguments.of(
                        "an unknown method",
                        "{\"jsonrpc\":\"2.0\",\"id\":\"m-8\",\"method\":\"resources/list\"}",
                        json,
                        200,
                        -32601,
                        "m-8"),
                Arguments.of(
                        "an unknown tool",
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"book_it\",\"arguments\":{}}}",
                        json,
                        200,
                        -32602,
                        9),
                Arguments.of(
                        "arguments that are no object",
                        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"get_property\",\"arguments\":\"Casa\"}}",
                        json,
                        200,
                        -32602,
                        10),
                Arguments.of(
                        "initialize without params",
                        "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"initialize\"}",
                        json,
                        200,
                        -32602,
                        11),
                Arguments.of("no Accept", ping, new String[] {"Content-Type", "application/json"}, 406, -32000, 5),
                Arguments.of(
                        "a text/plain body",
                        ping,
                        new String[] {"Content-Type", "text/plain", "Accept", BOTH},
                        415,
                        -32000,
                        null),
                Arguments.of("no Content-Type", ping, new String[] {"Accept", BOTH}, 415, -32000, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void eachMalformedRequestGetsItsJsonRpcError(
            String what, String body, String[] headers, int status, int code, Object id) throws Exception {
        HttpResponse<String> response = post(body, headers);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(code);
        assertThat(answer.path("error").path("message").asText()).isNotBlank();
        assertThat(answer.has("id")).isTrue();
        assertThat(answer.get("id")).isEqualTo(JSON.valueToTree(id));
        assertNoCodeIn(response);
        verify(getProperty, never()).call(any());
    }

    @Test
    void anUnsupportedProtocolVersionGets400() throws Exception {
        HttpResponse<String> response = post(
                GET_PROPERTY, "Content-Type", "application/json", "Accept", BOTH, "MCP-Protocol-Version", "2024-01-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/code").asInt()).isEqualTo(-32000);
        assertNoCodeIn(response);
        verify(getProperty, never()).call(any());
    }

    @Test
    void everySupportedProtocolVersionIsTaken() throws Exception {
        for (String version : new String[] {"2025-03-26", "2025-06-18", "2025-11-25"}) {
            HttpResponse<String> response = post(
                    GET_PROPERTY, "Content-Type", "application/json", "Accept", BOTH, "MCP-Protocol-Version", version);

            assertThat(response.statusCode()).as(version).isEqualTo(200);
        }
    }

    @Test
    void getAndDeleteGet405AsJsonRpcErrors() throws Exception {
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                            .header("Accept", "text/event-stream")
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
            assertThat(JSON.readTree(response.body()).at("/error/code").asInt()).isEqualTo(-32000);
            assertNoCodeIn(response);
        }
    }

    @Test
    void aNotificationIsAccepted() throws Exception {
        HttpResponse<String> response = post(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Content-Type",
                "application/json",
                "Accept",
                BOTH);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }
}
