package org.holidaydesk.assistant.property;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches an iCalendar feed's bytes: over HTTP with a timeout and a size cap for channel exports, from
 * the file system or the classpath otherwise. Errors never carry the URL, whose query is a secret: they name the
 * feed by {@link CalendarFeed#displayName()} and what went wrong, and keep no cause (Spring's and the JDK's exception
 * messages name the address).
 */
@Component
class CalendarFeedReader {

    /** Far above any real export (a year of daily bookings is under 200 KB); protects memory from a wrong URL. */
    static final int MAX_FEED_BYTES = 10 * 1024 * 1024;

    /** A channel's answer: its status and, for a {@code 200}, its body up to one byte past the cap. */
    private record Download(int status, byte[] body) {}

    private final ResourceLoader resources;
    private final RestClient http;
    private final Duration timeout;

    CalendarFeedReader(ResourceLoader resources, PropertyProperties properties) {
        this.resources = resources;
        this.timeout = properties.feedTimeout();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build());
        // the whole download, its body included: the factory cancels one still running after the timeout
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder()
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.ACCEPT, "text/calendar, */*;q=0.5")
                .build();
    }

    InputStream open(CalendarFeed feed) throws IOException {
        return feed.remote() ? download(feed) : local(feed);
    }

    private InputStream download(CalendarFeed feed) throws IOException {
        URI location;
        try {
            location = URI.create(feed.location().strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(feed.displayName() + " is not a valid address");
        }
        Download download;
        long started = System.nanoTime();
        try {
            // a URI, not a template: the address is sent as the business wrote it
            download = http.get().uri(location).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status != 200) {
                    return new Download(status, null);
                }
                try (InputStream body = response.getBody()) {
                    return new Download(status, body.readNBytes(MAX_FEED_BYTES + 1));
                }
            });
        } catch (RestClientException e) {
            throw new IOException(feed.displayName() + " could not be downloaded: " + reason(e, started));
        }
        if (download.status() != 200) {
            throw new IOException(feed.displayName() + " answered HTTP " + download.status());
        }
        if (download.body().length > MAX_FEED_BYTES) {
            throw new IOException(feed.displayName() + " is larger than " + MAX_FEED_BYTES + " bytes");
        }
        return new ByteArrayInputStream(download.body());
    }

    /**
     * What went wrong, by kind only: an exception's message may carry the address. A download the timeout cut off
     * (before the answer or within its body) says so.
     */
    private String reason(RestClientException e, long started) {
        if (Thread.currentThread().isInterrupted()) {
            return "interrupted";
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof HttpTimeoutException || System.nanoTime() - started >= timeout.toNanos()) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName();
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
