package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-RPC 2.0 error answer of {@code /mcp}: {@code {"jsonrpc":"2.0","id":<id or null>,"error":{"code":…,"message":"…"}}},
 * written by the MCP SDK's JSON mapper. The message is one sentence of ours; nothing of an exception ever goes
 * into it.
 *
 * @param id      the request's id (a string or a number) when it could be read, else null
 * @param code    the JSON-RPC error code
 * @param message what a client's developer needs to know
 */
record JsonRpcError(Object id, int code, String message) {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** The transport refused the HTTP request itself (origin, credentials, media types, protocol version), as the reference SDKs answer. */
    static final int TRANSPORT_REFUSED = -32000;

    JsonRpcError {
        if (!(id == null || id instanceof String || id instanceof Number)) {
            id = null;
        }
    }

    /** The error as JSON-RPC writes it, by the MCP SDK's own JSON mapper; {@code id} is written even when null. */
    String toJson() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", id);
        answer.put("error", error);
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
