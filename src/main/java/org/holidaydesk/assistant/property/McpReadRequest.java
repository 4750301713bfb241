package org.holidaydesk.assistant.property;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** An /mcp request with its body already read, and an Accept header the MCP transport takes as it is. */
final class McpReadRequest extends HttpServletRequestWrapper {

    /** What the transport is told the client accepts: both of the types it answers with. */
    private static final String ACCEPTED = "application/json, text/event-stream";

    private final byte[] body;

    McpReadRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public String getHeader(String name) {
        // the transport looks for both types by name; a wildcard accepted here means the same
        return "Accept".equalsIgnoreCase(name) ? ACCEPTED : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(ACCEPTED)) : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                return in.read(bytes, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the MCP request is read at once");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(body), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
}
