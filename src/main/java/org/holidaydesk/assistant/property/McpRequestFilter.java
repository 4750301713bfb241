package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code /mcp} checks before the MCP transport sees a request, and what it makes of the transport's
 * answer, as the 2025-11-25 Streamable HTTP transport asks. In this order:
 * <ol>
 *   <li>an {@code Origin} that is neither loopback nor in {@code MCP_ALLOWED_ORIGINS}: {@code 403} (DNS rebinding);</li>
 *   <li>with {@code MCP_AUTH_TOKEN} set (always in production), a request without {@code Authorization: Bearer <token>}:
 *       {@code 401}; without it (development), a client that is not on loopback: {@code 403};</li>
 *   <li>anything but {@code POST}: {@code 405} (the server is stateless: no stream to {@code GET}, no session to
 *       {@code DELETE}); a body that is not {@code application/json}: {@code 415}; a body over
 *       {@value #MAX_BODY_BYTES} bytes: {@code 413}; malformed JSON: {@code 400}, {@code -32700};</li>
 *   <li>an unsupported {@code MCP-Protocol-Version}: {@code 400}; an {@code Accept} without both
 *       {@code application/json} and {@code text/event-stream}: {@code 406};</li>
 *   <li>the JSON-RPC message: a batch, a {@code jsonrpc} other than {@code "2.0"}, no
 *       {@code method}, an id that is not a string or number: {@code -32600} (all {@code 400}); a request whose
 *       {@code params} are not what its method takes: {@code -32602}.</li>
 * </ol>
 * Each refusal is a JSON-RPC error with the request's id where it has one, and no tool runs. What the transport
 * answers goes out unchanged unless it is an error: its own error answers (a serialized exception) become a
 * JSON-RPC error with the same status, and an error message that names code ({@code java.}, {@code org.}, an
 * exception) is replaced by the code's plain meaning. Tokens are compared in constant time, as digests.
 */
final class McpRequestFilter extends HttpFilter {

    /** The largest request body read: a tool call's arguments are a few hundred bytes. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

    private static final Logger LOG = LoggerFactory.getLogger(McpRequestFilter.class);
    private static final String BEARER = "bearer ";
    /** Text that names code: a package-qualified class, an exception, a stack frame. */
    private static final Pattern NAMES_CODE =
            Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|reactor|tools|sun|jdk|dev)\\.[A-Za-z_$]"
                    + "|Exception|Throwable|stackTrace|\\bat [\\w$.]+\\(");

    private final McpOrigins origins;
    private final byte[] tokenDigest;
    private final List<String> protocolVersions;
    private final McpJsonMapper json;

    /**
     * @param origins          the origins allowed besides loopback ones
     * @param authToken        the bearer token every request must carry; null or blank: loopback clients only
     * @param protocolVersions the {@code MCP-Protocol-Version} values the server speaks
     * @param json             reads request bodies and the transport's answers
     */
    McpRequestFilter(McpOrigins origins, String authToken, List<String> protocolVersions, McpJsonMapper json) {
        this.origins = origins;
        this.tokenDigest = authToken == null || authToken.isBlank() ? null : digest(authToken);
        this.protocolVersions = List.copyOf(protocolVersions);
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !origins.allowed(origin)) {
            refuse(response, 403, "This Origin may not use this MCP server (see MCP_ALLOWED_ORIGINS)");
            return;
        }
        if (tokenDigest != null) {
            if (!authorized(request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Bearer");
                refuse(response, 401, "This MCP server needs Authorization: Bearer <MCP_AUTH_TOKEN>");
                return;
            }
        } else if (!loopback(request.getRemoteAddr())) {
            refuse(response, 403, "Without MCP_AUTH_TOKEN this MCP server answers clients on this host only");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            refuse(response, 405, "This MCP server is stateless: POST one JSON-RPC message to it");
            return;
        }
        if (!McpMediaTypes.isJson(request.getContentType())) {
            refuse(response, 415, "Content-Type must be application/json");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            refuse(response, 413, "The request body is over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Object message;
        try {
            message = json.readValue(body, Object.class);
        } catch (IOException | RuntimeException malformed) {
            answer(
                    response,
                    400,
                    new JsonRpcError(null, JsonRpcError.PARSE_ERROR, "Parse error: the body is not JSON"));
            return;
        }
        Object id = message instanceof Map<?, ?> fields ? fields.get("id") : null;
        String version = request.getHeader(PROTOCOL_VERSION_HEADER);
        if (version != null && !protocolVersions.contains(version.strip())) {
            answer(
                    response,
                    400,
                    new JsonRpcError(
                            id,
                            JsonRpcError.TRANSPORT_REFUSED,
                            "Unsupported MCP-Protocol-Version; this server speaks "
                                    + String.join(", ", protocolVersions)));
            return;
        }
        if (!McpMediaTypes.acceptsJsonAndEventStream(request.getHeaders("Accept"))) {
            answer(
                    response,
                    406,
                    new JsonRpcError(
                            id,
                            JsonRpcError.TRANSPORT_REFUSED,
                            "Accept must list application/json and text/event-stream"));
            return;
        }
        JsonRpcError invalid = check(message);
        if (invalid != null) {
            answer(response, invalid.code() == JsonRpcError.INVALID_PARAMS ? 200 : 400, invalid);
            return;
        }
        BufferedMcpResponse buffered = new BufferedMcpResponse(response);
        chain.doFilter(new McpReadRequest(request, body), buffered);
        pass(response, buffered, id);
    }

    /** What is wrong with this JSON-RPC message, or null when the server can take it. */
    static JsonRpcError check(Object message) {
        if (message instanceof List<?>) {
            return new JsonRpcError(
                    null,
                    JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: batches are not supported; " + "send one JSON-RPC message per request");
        }
        if (!(message instanceof Map<?, ?> fields)) {
            return new JsonRpcError(
                    null, JsonRpcError.INVALID_REQUEST, "Invalid Request: a JSON-RPC message is an object");
        }
        Object id = fields.get("id");
        boolean request = fields.containsKey("id");
        if (request && !(id instanceof String || id instanceof Number)) {
            return new JsonRpcError(
                    null, JsonRpcError.INVALID_REQUEST, "Invalid Request: the id must be a string or a number");
        }
        if (!"2.0".equals(fields.get("jsonrpc"))) {
            return new JsonRpcError(id, JsonRpcError.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        if (!(fields.get("method") instanceof String method) || method.isBlank()) {
            return new JsonRpcError(id, JsonRpcError.INVALID_REQUEST, "Invalid Request: no method");
        }
        if (!request) {
            return null; // a notification: nothing is answered to it, whatever its params
        }
        Object params = fields.get("params");
        if (fields.containsKey("params") && !(params instanceof Map<?, ?>)) {
            return invalidParams(id, "params must be an object");
        }
        Map<?, ?> named = params == null ? Map.of() : (Map<?, ?>) params;
        return switch (method) {
            case "initialize" ->
                named.get("protocolVersion") instanceof String
                                && named.get("capabilities") instanceof Map<?, ?>
                                && named.get("clientInfo") instanceof Map<?, ?>
                        ? null
                        : invalidParams(id, "initialize takes protocolVersion, capabilities and clientInfo");
            case "tools/call" ->
                named.get("name") instanceof String
                                && (named.get("arguments") == null || named.get("arguments") instanceof Map<?, ?>)
                        ? null
                        : invalidParams(id, "tools/call takes a tool name and an arguments object");
            default -> null;
        };
    }

    private static JsonRpcError invalidParams(Object id, String why) {
        return new JsonRpcError(id, JsonRpcError.INVALID_PARAMS, "Invalid params: " + why);
    }

    /** The transport's answer as it wrote it, unless it is an error: then one of ours, with the same status. */
    private void pass(HttpServletResponse response, BufferedMcpResponse buffered, Object id) throws IOException {
        int status = buffered.getStatus();
        byte[] body = buffered.body();
        if (status >= 400) {
            LOG.debug("The MCP transport answered {}; answering a JSON-RPC error instead", status);
            answer(response, status, transportError(id, status));
            return;
        }
        JsonRpcError rewritten = body.length == 0 ? null : sanitized(body);
        if (rewritten != null) {
            answer(response, status, rewritten);
            return;
        }
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static JsonRpcError transportError(Object id, int status) {
        return switch (status) {
            case 400 -> new JsonRpcError(id, JsonRpcError.INVALID_REQUEST, "Invalid Request");
            case 404 -> new JsonRpcError(id, JsonRpcError.TRANSPORT_REFUSED, "Not found: the MCP endpoint is /mcp");
            case 405 -> new JsonRpcError(id, JsonRpcError.TRANSPORT_REFUSED, "Method not allowed");
            case 413 -> new JsonRpcError(id, JsonRpcError.TRANSPORT_REFUSED, "The request body is too large");
            case 415 -> new JsonRpcError(id, JsonRpcError.TRANSPORT_REFUSED, "Content-Type must be application/json");
            case 503 -> new JsonRpcError(id, JsonRpcError.INTERNAL_ERROR, "The server is shutting down; try again");
            default ->
                status < 500
                        ? new JsonRpcError(id, JsonRpcError.INVALID_REQUEST, "Invalid Request")
                        : new JsonRpcError(id, JsonRpcError.INTERNAL_ERROR, "Internal error");
        };
    }

    /**
     * A JSON-RPC error answer of the server whose message (or data) names code, rewritten to the plain meaning of its
     * code; null when the answer can go as it is. Internal errors never say more than that they happened.
     */
    private JsonRpcError sanitized(byte[] body) {
        Map<?, ?> answer;
        try {
            answer = json.readValue(body, Map.class);
        } catch (IOException | RuntimeException notJson) {
            return new JsonRpcError(null, JsonRpcError.INTERNAL_ERROR, "Internal error");
        }
        if (answer == null || !(answer.get("error") instanceof Map<?, ?> error)) {
            return null;
        }
        int code = error.get("code") instanceof Number number ? number.intValue() : JsonRpcError.INTERNAL_ERROR;
        String message = String.valueOf(error.get("message"));
        Object data = error.get("data");
        boolean leaks = code == JsonRpcError.INTERNAL_ERROR
                || NAMES_CODE.matcher(message).find()
                || (data != null && NAMES_CODE.matcher(String.valueOf(data)).find());
        if (!leaks) {
            return null;
        }
        LOG.debug("An MCP error answer named code; answering error {} with its plain meaning", code);
        return new JsonRpcError(answer.get("id"), code, plainMeaning(code));
    }

    private static String plainMeaning(int code) {
        return switch (code) {
            case JsonRpcError.PARSE_ERROR -> "Parse error";
            case JsonRpcError.INVALID_REQUEST -> "Invalid Request";
            case JsonRpcError.METHOD_NOT_FOUND -> "Method not found";
            case JsonRpcError.INVALID_PARAMS -> "Invalid params";
            default -> "Internal error";
        };
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        answer(response, status, new JsonRpcError(null, JsonRpcError.TRANSPORT_REFUSED, message));
    }

    private static void answer(HttpServletResponse response, int status, JsonRpcError error) throws IOException {
        byte[] body = error.toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    boolean authorized(String header) {
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(
                tokenDigest, digest(header.substring(BEARER.length()).strip()));
    }

    private static boolean loopback(String remoteAddress) {
        try {
            // a literal address: no name is looked up
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException unreadable) {
            return false;
        }
    }

    /** The whole body, or null when it is over {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
