package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The checks in front of the MCP transport, without a server: the chain behind the filter stands for the
 * transport and its tools, so a refused request is one that never reached it.
 */
class McpRequestFilterTest {

    private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
    private static final List<String> VERSIONS = List.of("2025-03-26", "2025-06-18", "2025-11-25");
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    private static final String TOKEN = "s3cret-mcp-token";

    private final McpRequestFilter open = filter(null, List.of());
    private final McpRequestFilter guarded = filter(TOKEN, List.of("https://app.example.com"));

    private static McpRequestFilter filter(String token, List<String> origins) {
        return new McpRequestFilter(new McpOrigins(origins), token, VERSIONS, JSON);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.setRemoteAddr("127.0.0.1");
        request.setContentType("application/json");
        request.addHeader("Accept", "application/json, text/event-stream");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private record Outcome(MockHttpServletResponse response, boolean reachedTheTools) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body() throws Exception {
            return JSON.readValue(response.getContentAsByteArray(), Map.class);
        }

        int code() throws Exception {
            return ((Number) ((Map<?, ?>) body().get("error")).get("code")).intValue();
        }
    }

    private static Outcome run(McpRequestFilter filter, MockHttpServletRequest request) throws Exception {
        return run(filter, request, new MockFilterChain());
    }

    private static Outcome run(McpRequestFilter filter, MockHttpServletRequest request, FilterChain chain)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] reached = {false};
        filter.doFilter(request, response, (req, res) -> {
            reached[0] = true;
            chain.doFilter(req, res);
        });
        return new Outcome(response, reached[0]);
    }

    // ---- origins ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://evil.example.com",
                "https://localhost.evil.example.com",
                "http://127.0.0.1.nip.io:3001",
                "null",
                "http://user@localhost",
                "file://",
                "https://app.example.com.evil.example.com",
                "http://app.example.com"
            })
    void refusesAForeignOriginBeforeAnyToolRuns(String origin) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.addHeader("Origin", origin);
        request.addHeader("Authorization", "Bearer " + TOKEN);

        Outcome outcome = run(guarded, request);

        assertThat(outcome.response().getStatus()).isEqualTo(403);
        assertThat(outcome.reachedTheTools()).isFalse();
        assertThat(outcome.body()).containsEntry("jsonrpc", "2.0").containsKey("id");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost",
                "http://localhost:5173",
                "https://127.0.0.1:8443",
                "http://[::1]:3001",
                "HTTP://LOCALHOST:3001",
                "https://app.example.com",
                "https://APP.example.com:443",
                "https://app.example.com/"
            })
    void takesLoopbackAndConfiguredOrigins(String origin) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.addHeader("Origin", origin);
        request.addHeader("Authorization", "Bearer " + TOKEN);

        assertThat(run(guarded, request).reachedTheTools()).isTrue();
    }

    @Test
    void takesARequestWithoutOrigin() throws Exception {
        assertThat(run(open, post(PING)).reachedTheTools()).isTrue();
    }

    // ---- credentials ----

    @Test
    void withATokenRefusesARequestWithoutIt() throws Exception {
        Outcome outcome = run(guarded, post(PING));

        assertThat(outcome.response().getStatus()).isEqualTo(401);
        assertThat(outcome.response().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(outcome.reachedTheTools()).isFalse();
        assertThat(outcome.code()).isEqualTo(JsonRpcError.TRANSPORT_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Bearer wrong-token", "Bearer " + TOKEN + "x", "Basic " + TOKEN, "Bearer", TOKEN, "Bearer  "})
    void withATokenRefusesAnyOtherCredential(String authorization) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.addHeader("Authorization", authorization);

        Outcome outcome = run(guarded, request);

        assertThat(outcome.response().getStatus()).isEqualTo(401);
        assertThat(outcome.reachedTheTools()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + TOKEN, "bearer " + TOKEN, "BEARER  " + TOKEN + " "})
    void withATokenTakesItFromAnyAddress(String authorization) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("Authorization", authorization);

        assertThat(run(guarded, request).reachedTheTools()).isTrue();
    }

    @Test
    void withoutATokenAnswersLoopbackClientsOnly() throws Exception {
        MockHttpServletRequest remote = post(PING);
        remote.setRemoteAddr("192.0.2.10");
        MockHttpServletRequest ipv6Loopback = post(PING);
        ipv6Loopback.setRemoteAddr("0:0:0:0:0:0:0:1");

        Outcome refused = run(open, remote);

        assertThat(refused.response().getStatus()).isEqualTo(403);
        assertThat(refused.reachedTheTools()).isFalse();
        assertThat(run(open, ipv6Loopback).reachedTheTools()).isTrue();
    }

    // ---- HTTP ----

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", "PUT", "OPTIONS", "HEAD"})
    void takesOnlyPost(String method) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.setMethod(method);

        Outcome outcome = run(open, request);

        assertThat(outcome.response().getStatus()).isEqualTo(405);
        assertThat(outcome.response().getHeader("Allow")).isEqualTo("POST");
        assertThat(outcome.reachedTheTools()).isFalse();
    }

    @Test
    void refusesAnUnsupportedProtocolVersionAndTakesTheSupportedOnes() throws Exception {
        MockHttpServletRequest old = post(PING);
        old.addHeader(McpRequestFilter.PROTOCOL_VERSION_HEADER, "2024-11-05");
        MockHttpServletRequest current = post(PING);
        current.addHeader(McpRequestFilter.PROTOCOL_VERSION_HEADER, "2025-11-25");

        Outcome refused = run(open, old);

        assertThat(refused.response().getStatus()).isEqualTo(400);
        assertThat(refused.body().get("id")).isEqualTo(1);
        assertThat(refused.reachedTheTools()).isFalse();
        assertThat(run(open, current).reachedTheTools()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"text/plain|415", "application/x-www-form-urlencoded|415", "''|415"})
    void refusesABodyThatIsNotJson(String contentType, int status) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.setContentType(contentType.isEmpty() ? null : contentType);

        Outcome outcome = run(open, request);

        assertThat(outcome.response().getStatus()).isEqualTo(status);
        assertThat(outcome.reachedTheTools()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "application/json",
                "text/event-stream",
                "text/html",
                "application/json, text/event-stream;q=0"
            })
    void refusesAnAcceptWithoutBothMediaTypes(String accept) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.removeHeader("Accept");
        if (!accept.isEmpty()) {
            request.addHeader("Accept", accept);
        }

        Outcome outcome = run(open, request);

        assertThat(outcome.response().getStatus()).isEqualTo(406);
        assertThat(outcome.reachedTheTools()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*, text/*", "text/event-stream, application/json;q=0.5"})
    void takesWildcardAccepts(String accept) throws Exception {
        MockHttpServletRequest request = post(PING);
        request.removeHeader("Accept");
        request.addHeader("Accept", accept);

        assertThat(run(open, request).reachedTheTools()).isTrue();
    }

    @Test
    void refusesABodyOverTheLimit() throws Exception {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(McpRequestFilter.MAX_BODY_BYTES) + "\"}}";

        Outcome outcome = run(open, post(big));

        assertThat(outcome.response().getStatus()).isEqualTo(413);
        assertThat(outcome.reachedTheTools()).isFalse();
    }

    // ---- JSON-RPC ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"jsonrpc\":|-32700|",
                "not json at all|-32700|",
                "''|-32700|",
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]|-32600|",
                "\"ping\"|-32600|",
                "{\"jsonrpc\":\"2.0\",\"id\":7}|-32600|7",
                "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{}}|-32600|abc",
                "{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"ping\"}|-32600|8",
                "{\"id\":9,\"method\":\"ping\"}|-32600|9",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}|-32600|",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}|-32600|",
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":42}|-32600|10"
            })
    void answersAMalformedMessageWithItsJsonRpcError(String body, int code, String id) throws Exception {
        Outcome outcome = run(open, post(body));

        assertThat(outcome.response().getStatus()).isEqualTo(400);
        assertThat(outcome.reachedTheTools()).isFalse();
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.body()).containsKey("id");
        assertThat(
                        outcome.body().get("id") == null
                                ? null
                                : String.valueOf(outcome.body().get("id")))
                .isEqualTo(id);
        assertThat(outcome.response().getContentAsString()).doesNotContain("stackTrace", "xception", "java.", "org.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/list\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":5}}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"get_property\",\"arguments\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"initialize\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}"
            })
    void answersParamsItsMethodDoesNotTakeWithInvalidParams(String body) throws Exception {
        Outcome outcome = run(open, post(body));

        assertThat(outcome.reachedTheTools()).isFalse();
        assertThat(outcome.code()).isEqualTo(JsonRpcError.INVALID_PARAMS);
        assertThat(outcome.body().get("id")).isEqualTo(11);
    }

    @Test
    void passesANotificationWhateverItsParams() throws Exception {
        assertThat(run(open, post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":7}"))
                        .reachedTheTools())
                .isTrue();
    }

    // ---- what the transport answers ----

    @Test
    void passesTheTransportsAnswerUnchanged() throws Exception {
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}";

        Outcome outcome = run(open, post(PING), (req, res) -> {
            res.setContentType("application/json");
            res.getWriter().write(answer);
        });

        assertThat(outcome.response().getStatus()).isEqualTo(200);
        assertThat(outcome.response().getContentAsString()).isEqualTo(answer);
    }

    @Test
    void turnsTheTransportsSerializedExceptionIntoAJsonRpcError() throws Exception {
        Outcome outcome = run(open, post(PING), (req, res) -> {
            ((HttpServletResponse) res).setStatus(500);
            res.getWriter()
                    .write(
                            "{\"cause\":null,\"stackTrace\":[{\"className\":\"io.modelcontextprotocol.spec.McpError\"}]}");
        });

        assertThat(outcome.response().getStatus()).isEqualTo(500);
        assertThat(outcome.response().getContentAsString())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}");
    }

    @Test
    void answersTheTransportsSendErrorWithAJsonRpcError() throws Exception {
        Outcome outcome = run(
                open, post(PING), (req, res) -> ((HttpServletResponse) res).sendError(503, "Server is shutting down"));

        assertThat(outcome.response().getStatus()).isEqualTo(503);
        assertThat(outcome.response().getErrorMessage()).isNull();
        assertThat(outcome.code()).isEqualTo(JsonRpcError.INTERNAL_ERROR);
    }

    @Test
    void replacesAnErrorMessageThatNamesCode() throws Exception {
        Outcome outcome = run(
                open,
                post(PING),
                (req, res) -> res.getWriter()
                        .write(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":"
                                        + "{\"code\":-32602,\"message\":\"Cannot construct instance of `java.util.Map` (com.fasterxml...)\"}}"));

        assertThat(outcome.response().getStatus()).isEqualTo(200);
        assertThat(outcome.response().getContentAsString())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params\"}}");
    }

    @Test
    void keepsAnErrorMessageThatSaysWhatWasWrong() throws Exception {
        String answer =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Method not found: resources/list\"}}";

        Outcome outcome = run(open, post(PING), (req, res) -> res.getWriter().write(answer));

        assertThat(outcome.response().getContentAsString()).isEqualTo(answer);
    }

    @Test
    void writesErrorsAsJsonWithEveryCharacterEscaped() throws Exception {
        JsonRpcError error = new JsonRpcError("a\"b\\c\n\u0001", JsonRpcError.INVALID_REQUEST, "quote \" and tab \t");

        Map<?, ?> read = JSON.readValue(error.toJson(), Map.class);

        assertThat(read.get("id")).isEqualTo("a\"b\\c\n\u0001");
        assertThat(((Map<?, ?>) read.get("error")).get("message")).isEqualTo("quote \" and tab \t");
        assertThat(new JsonRpcError(List.of(1), -32600, "x").toJson()).contains("\"id\":null");
        assertThat(new JsonRpcError(12345678901L, -32600, "x").toJson()).contains("\"id\":12345678901");
    }
}
