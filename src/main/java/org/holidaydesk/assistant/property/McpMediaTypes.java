package org.holidaydesk.assistant.property;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The media types of a Streamable HTTP request to {@code /mcp}: its body must be JSON, and its {@code Accept}
 * headers must take both JSON and an event stream (the transport may answer with either).
 */
final class McpMediaTypes {

    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";

    private McpMediaTypes() {}

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .equalsIgnoreCase(JSON);
    }

    /** True when the Accept headers take both JSON and an event stream (wildcards included, {@code q=0} not). */
    static boolean acceptsJsonAndEventStream(Enumeration<String> headers) {
        boolean json = false;
        boolean eventStream = false;
        for (String header : Collections.list(headers)) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                if (refused(parts)) {
                    continue;
                }
                String type = parts[0].strip().toLowerCase(Locale.ROOT);
                json |= type.equals(JSON) || type.equals("application/*") || type.equals("*/*");
                eventStream |= type.equals(EVENT_STREAM) || type.equals("text/*") || type.equals("*/*");
            }
        }
        return json && eventStream;
    }

    /** True when a media range's parameters carry {@code q=0} (or a quality that cannot be read). */
    private static boolean refused(String[] mediaRange) {
        for (int i = 1; i < mediaRange.length; i++) {
            String[] parameter = mediaRange[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(parameter[1].strip()) <= 0;
                } catch (NumberFormatException unreadable) {
                    return true;
                }
            }
        }
        return false;
    }
}
