package org.holidaydesk.assistant.property;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Fetches an iCalendar feed's bytes: over HTTP with a timeout and a size cap for channel exports, from
 * the file system or the classpath otherwise. Errors never carry the URL, whose query is a secret.
 */
@Component
class CalendarFeedReader {

    /** Far above any real export (a year of daily bookings is under 200 KB); protects memory from a wrong URL. */
    static final int MAX_FEED_BYTES = 10 * 1024 * 1024;

    private final ResourceLoader resources;
    private final HttpClient http;
    private final Duration timeout;

    CalendarFeedReader(ResourceLoader resources, PropertyProperties properties) {
        this.resources = resources;
        this.timeout = properties.feedTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    InputStream open(CalendarFeed feed) throws IOException {
        return feed.remote() ? download(feed) : local(feed);
    }

    private InputStream download(CalendarFeed feed) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(feed.location().strip()))
                .timeout(timeout)
                .header("Accept", "text/calendar, */*;q=0.5")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + feed.displayName());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(feed.displayName() + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_FEED_BYTES + 1);
            if (bytes.length > MAX_FEED_BYTES) {
                throw new IOException(feed.displayName() + " is larger than " + MAX_FEED_BYTES + " bytes");
            }
            return new ByteArrayInputStream(bytes);
        }
    }

    private InputStream local(CalendarFeed feed) throws IOException {
        Resource resource = resources.getResource(
                CatalogLoader.asResourceLocation(feed.location().strip()));
        if (!resource.exists()) {
            throw new FileNotFoundException(feed.displayName() + " does not exist");
        }
        return resource.getInputStream();
    }
}
