package org.holidaydesk.assistant.property;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins {@code /mcp} answers (DNS-rebinding protection, MCP 2025-11-25 transports): loopback ones
 * ({@code http(s)://localhost}, {@code 127.0.0.1} or {@code [::1]}, any port) and those configured
 * ({@code MCP_ALLOWED_ORIGINS}). Origins are compared as scheme, host and port, case-insensitively and with the
 * scheme's default port left out, as browsers send them; {@code null} (an opaque origin) and anything unreadable
 * is never allowed.
 */
final class McpOrigins {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> configured;

    McpOrigins(List<String> configured) {
        this.configured = configured.stream()
                .map(McpOrigins::normalize)
                .filter(origin -> origin != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allowed(String origin) {
        String normalized = normalize(origin);
        if (normalized == null) {
            return false;
        }
        return configured.contains(normalized)
                || LOOPBACK_HOSTS.contains(URI.create(normalized).getHost());
    }

    /** {@code scheme://host[:port]} in lower case without the default port, or null when it is no http(s) origin. */
    static String normalize(String origin) {
        if (origin == null) {
            return null;
        }
        String candidate = origin.strip();
        if (candidate.endsWith("/")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException unreadable) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http");
        if (!(http || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (http && port == 80) || (!http && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
