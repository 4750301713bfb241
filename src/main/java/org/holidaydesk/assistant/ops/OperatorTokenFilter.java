package org.holidaydesk.assistant.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Operator write actions ({@code POST /actuator/deadletters/{id}}) need {@code Authorization: Bearer
 * OPERATOR_TOKEN}; anything else is answered 401 before the endpoint runs. Reading stays open on the
 * management port, which only operators reach. The token is compared in constant time (as digests, so
 * not even its length leaks); with no token configured every write is refused.
 */
public class OperatorTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] expectedDigest;

    public OperatorTokenFilter(String operatorToken) {
        this.expectedDigest = operatorToken == null || operatorToken.isBlank() ? null : digest(operatorToken);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authorized(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        String reason = expectedDigest == null
                ? "OPERATOR_TOKEN is not set, so operator actions are disabled"
                : "operator actions need Authorization: Bearer <OPERATOR_TOKEN>";
        response.getOutputStream().write(("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    boolean authorized(String header) {
        if (expectedDigest == null || header == null || !header.startsWith(BEARER)) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedDigest, digest(header.substring(BEARER.length()).strip()));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
