package org.holidaydesk.assistant.property;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds back what the MCP transport answers (status and body; headers go through) until {@link McpRequestFilter}
 * has looked at it, so that an error of the transport's own making never reaches the client as it was written:
 * {@code sendError} only records its status, which the filter answers with a JSON-RPC error instead of the
 * container's error page. The stateless transport answers each request with one JSON document, never a stream,
 * so holding it back costs no more than its size.
 */
final class BufferedMcpResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = HttpServletResponse.SC_OK;
    private boolean errorSent;
    private ServletOutputStream stream;
    private PrintWriter writer;

    BufferedMcpResponse(HttpServletResponse response) {
        super(response);
    }

    /** The status the transport set, or sent as an error. */
    @Override
    public int getStatus() {
        return status;
    }

    /** True when the transport called {@code sendError}: there is no body of its own to keep. */
    boolean errorSent() {
        return errorSent;
    }

    /** Everything the transport wrote. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
        errorSent = true;
    }

    @Override
    public void sendError(int sc, String msg) {
        sendError(sc);
    }

    @Override
    public void sendRedirect(String location) {
        sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }

    @Override
    public void setContentLength(int len) {
        // the filter sets the length of what it finally writes
    }

    @Override
    public void setContentLengthLong(long len) {
        // as above
    }

    @Override
    public void flushBuffer() {
        // nothing leaves before the filter has seen it
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        status = HttpServletResponse.SC_OK;
        errorSent = false;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the MCP answer is written at once");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(body, charset));
        }
        return writer;
    }
}
