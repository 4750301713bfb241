package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever reaches the public port, the error it gets is small JSON or text: unknown paths, wrong methods, wrong
 * content types, malformed bodies on every endpoint ({@code /webhooks/whatsapp}, {@code /health}, {@code /},
 * {@code /mcp}, {@code /simulator}), a query string that does not decode, and a request line the web server
 * itself refuses. None names an exception, a class or a stack frame.
 */
@ServiceTest
class PublicPortErrorsTest {

    private static final String JSON = "application/json";
    private static final String BOTH = "application/json, text/event-stream";
    private static final List<String> CODE = List.of(
            "stacktrace",
            "exception",
            "org.",
            "java.",
            "javax.",
            "jakarta.",
            "io.modelcontextprotocol",
            "caused by",
            "\tat ",
            "classname");

    @LocalServerPort
    int port;

    /** A probe: method, path, content type (or null), body (or null), and further headers. */
    record Probe(String method, String path, String contentType, String body, String... headers) {
        @Override
        public String toString() {
            return method + " " + path + (contentType == null ? "" : " (" + contentType + ")")
                    + (body == null ? "" : " " + body.substring(0, Math.min(40, body.length())));
        }
    }

    static Stream<Arguments> probes() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        return Stream.of(
                        // unknown paths, any method
                        new Probe("GET", "/nope", null, null),
                        new Probe("POST", "/nope", JSON, "{}"),
                        new Probe("DELETE", "/webhooks/whatsapp/extra", null, null),
                        new Probe("GET", "/mcp/extra", null, null),
                        new Probe("GET", "/b/unknown-token", null, null),
                        new Probe("GET", "/error", null, null),
                        new Probe("GET", "/actuator/health", null, null),
                        // wrong methods
                        new Probe("POST", "/health", JSON, "{}"),
                        new Probe("DELETE", "/health", null, null),
                        new Probe("PUT", "/", JSON, "{}"),
                        new Probe("PATCH", "/webhooks/whatsapp", JSON, "{}"),
                        new Probe("DELETE", "/simulator/messages", null, null),
                        new Probe("POST", "/simulator/guests", "text/plain", "x"),
                        new Probe("GET", "/mcp", null, null, "Accept", "text/event-stream"),
                        new Probe("DELETE", "/mcp", null, null),
                        new Probe("PUT", "/mcp", JSON, ping),
                        // the webhook: unsigned, badly signed, signed but not JSON, wrong verification
                        new Probe("POST", "/webhooks/whatsapp", "text/plain", "hello"),
                        new Probe(
                                "POST",
                                "/webhooks/whatsapp",
                                JSON,
                                "{\"object\":\"whatsapp_business_account\"}",
                                "X-Hub-Signature-256",
                                "sha256=00"),
                        new Probe(
                                "POST",
                                "/webhooks/whatsapp",
                                "application/xml",
                                "<not-json/>",
                                "X-Hub-Signature-256",
                                Fixtures.sign("<not-json/>".getBytes(StandardCharsets.UTF_8))),
                        new Probe(
                                "POST",
                                "/webhooks/whatsapp",
                                JSON,
                                "{\"object\":\"page\"}",
                                "X-Hub-Signature-256",
                                Fixtures.sign("{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8))),
                        new Probe(
                                "GET",
                                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
                                null,
                                null),
                        // the sandbox: wrong content types and malformed bodies
                        new Probe("POST", "/simulator/messages", "text/xml", "<a/>"),
                        new Probe("POST", "/simulator/messages", JSON, "{bad json"),
                        new Probe("POST", "/simulator/messages", JSON, "{\"name\":1e999,\"phone\":{},\"text\":[]}"),
                        new Probe("POST", "/simulator/taps", JSON, "[1,2]"),
                        new Probe(
                                "POST", "/simulator/samples", JSON, "{\"phone\":\"40712345678\",\"sample\":\"nope\"}"),
                        new Probe("POST", "/simulator/reads", JSON, "{\"phone\":\"12\",\"replies\":[]}"),
                        new Probe("GET", "/simulator/thread", null, null),
                        // the MCP server: every way a message can be wrong
                        new Probe("POST", "/mcp", JSON, "{\"jsonrpc\":", "Accept", BOTH),
                        new Probe("POST", "/mcp", JSON, "{\"jsonrpc\":\"2.0\",\"id\":2}", "Accept", BOTH),
                        new Probe("POST", "/mcp", JSON, "[" + ping + "]", "Accept", BOTH),
                        new Probe("POST", "/mcp", JSON, ping),
                        new Probe("POST", "/mcp", "text/plain", ping, "Accept", BOTH),
                        new Probe("POST", "/mcp", JSON, ping, "Accept", BOTH, "Origin", "http://evil.example.com"),
                        new Probe("POST", "/mcp", JSON, ping, "Accept", BOTH, "MCP-Protocol-Version", "1999-01-01"),
                        new Probe(
                                "POST",
                                "/mcp",
                                JSON,
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\"}",
                                "Accept",
                                BOTH),
                        new Probe(
                                "POST",
                                "/mcp",
                                JSON,
                                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":\"x\"}",
                                "Accept",
                                BOTH),
                        new Probe(
                                "POST",
                                "/mcp",
                                JSON,
                                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
                                "Accept",
                                BOTH))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void answersEveryMistakeWithoutNamingCode(Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()))
                .timeout(Duration.ofSeconds(20))
                .method(
                        probe.method(),
                        probe.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (probe.headers().length > 0) {
            request.headers(probe.headers());
        }

        HttpResponse<String> response = new WebhookClient(port).send(request.build());

        // an HTTP error, or (on /mcp) a JSON-RPC error answered 200 as the transport answers them
        assertThat(response.statusCode() >= 400 || response.body().contains("\"error\":{\"code\":"))
                .as("%s is refused: %s %s", probe, response.statusCode(), response.body())
                .isTrue();
        assertSmallAndCodeFree(probe.toString(), response.body());
        assertThat(response.headers().firstValue("Content-Type"))
                .as("%s content type", probe)
                .hasValueSatisfying(type -> assertThat(type).matches("(application/json|text/plain).*"));
    }

    @Test
    void aRequestTheWebServerRefusesNamesNoCodeEither() throws Exception {
        String response = rawGet("/%zz");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertSmallAndCodeFree("GET /%zz", bodyOf(response));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(
            strings = {
                "/health?x=%ZZ",
                "/health?x=%FF",
                "/?x=%C3%28",
                "/simulator/thread?phone=%",
                "/simulator/thread?phone=%4",
                "/b/unknown-token?utm=%E2%82",
                "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=%G1"
            })
    void aQueryStringThatDoesNotDecodeIsTheCallersMistake(String target) throws Exception {
        String response = rawGet(target);

        assertThat(response).as(target).startsWith("HTTP/1.1 400");
        assertThat(response.toLowerCase(java.util.Locale.ROOT))
                .as("%s content type", target)
                .contains("content-type: application/json");
        assertSmallAndCodeFree(target, bodyOf(response));
    }

    @Test
    void aQueryStringThatDecodesStillReachesItsEndpoint() throws Exception {
        assertThat(rawGet("/health?note=%E2%82%AC+and%20more&empty=&flag")).startsWith("HTTP/1.1 200");
    }

    /** A GET written on a socket, so that the request target goes out exactly as given. */
    private String rawGet(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What follows the headers of a raw HTTP response. */
    private static String bodyOf(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static void assertSmallAndCodeFree(String what, String body) {
        assertThat(body.length()).as("%s: a small body", what).isLessThan(2048);
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        for (String code : CODE) {
            assertThat(lower).as("%s names code (%s): %s", what, code, body).doesNotContain(code);
        }
    }
}
