package org.holidaydesk.assistant.property;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON-RPC 2.0 error answer of {@code /mcp}: {@code {"jsonrpc":"2.0","id":<id or null>,"error":{"code":…,"message":"…"}}},
 * written by hand so that it reads the same whichever JSON library the MCP SDK is given. The message is one
 * sentence of ours; nothing of an exception ever goes into it.
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

    String toJson() {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson() + ",\"error\":{\"code\":" + code + ",\"message\":"
                + quote(message) + "}}";
    }

    private String idJson() {
        if (id == null) {
            return "null";
        }
        if (id instanceof String text) {
            return quote(text);
        }
        if (id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte
                || id instanceof BigInteger || id instanceof BigDecimal) {
            return id.toString();
        }
        double number = ((Number) id).doubleValue();
        return Double.isFinite(number) ? BigDecimal.valueOf(number).toString() : "null";
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
