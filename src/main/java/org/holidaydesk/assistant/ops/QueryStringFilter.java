package org.holidaydesk.assistant.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request on the public port whose query string does not decode (a {@code %} not followed by two hex
 * digits, or escapes that are not UTF-8, such as {@code ?x=%FF}) is the caller's mistake: it is answered 400
 * with the port's usual small JSON error before any endpoint runs. Without this, Camel's platform-http
 * consumer failed reading the parameters on its own thread and the caller got a 500 page, the log a warning
 * with a stack trace per request. Only the query string is read, never the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryStringFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (decodes(request.getQueryString())) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /**
     * Whether the query's escapes are well formed and the bytes they spell are UTF-8. The {@code &} and
     * {@code =} between parameters are ASCII, so the whole query decodes exactly when each name and value does.
     */
    static boolean decodes(String query) {
        byte[] bytes = new byte[query.length()];
        int length = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()
                        || !HexFormat.isHexDigit(query.charAt(i + 1))
                        || !HexFormat.isHexDigit(query.charAt(i + 2))) {
                    return false;
                }
                bytes[length++] = (byte) HexFormat.fromHexDigits(query, i + 1, i + 3);
                i += 2;
            } else {
                // ASCII: the web server itself refuses a request line with unescaped bytes above it
                bytes[length++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
