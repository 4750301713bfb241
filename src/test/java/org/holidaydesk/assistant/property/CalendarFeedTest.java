package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class CalendarFeedTest {

    private static final String SECRET = "s=4f1b2c3d4e5f";

    private HttpServer channel;

    @BeforeEach
    void startChannel() throws IOException {
        channel = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        channel.createContext("/calendar/ical/42.ics", exchange -> {
            try (InputStream feed = getClass().getResourceAsStream("/calendars/airbnb-export.ics")) {
                byte[] body = feed.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        channel.createContext("/gone.ics", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        channel.start();
    }

    @AfterEach
    void stopChannel() {
        channel.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + channel.getAddress().getPort() + path;
    }

    private static CalendarFeedReader reader() {
        PropertyProperties properties = new PropertyProperties(
                "classpath:catalog/test-properties.yaml",
                "https://book.example/{propertyId}",
                ZoneId.of("Europe/Bucharest"),
                Duration.ofMinutes(15),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                730,
                30,
                10);
        return new CalendarFeedReader(new DefaultResourceLoader(), properties);
    }

    @Test
    void downloadsAChannelExportOverHttp() throws Exception {
        CalendarFeed feed = new CalendarFeed("casa-pescarului", url("/calendar/ical/42.ics?" + SECRET));

        try (InputStream in = reader().open(feed)) {
            assertThat(new IcalendarParser(ZoneId.of("Europe/Bucharest"))
                            .blockedNights(in, feed.propertyId(), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1)))
                    .extracting(BlockedRange::start)
                    .contains(LocalDate.of(2026, 7, 10));
        }
    }

    @Test
    void reportsAFailedDownloadWithoutTheSecretUrl() {
        CalendarFeed feed = new CalendarFeed("casa-pescarului", url("/gone.ics?" + SECRET));

        assertThatThrownBy(() -> reader().open(feed).close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("404")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void neverShowsTheSecretOfAFeedUrl() {
        CalendarFeed feed =
                new CalendarFeed("casa-pescarului", "https://www.airbnb.com/calendar/ical/42.ics?" + SECRET);

        assertThat(feed.displayName())
                .isEqualTo("casa-pescarului <- https://www.airbnb.com")
                .doesNotContain(SECRET);
        assertThat(feed.ref())
                .doesNotContain(SECRET)
                .startsWith("feed-")
                .isEqualTo(new CalendarFeed("casa-pescarului", feed.location()).ref());
    }

    @Test
    void readsAFeedFromTheClasspathOrAFile() throws Exception {
        try (InputStream in = reader().open(new CalendarFeed("a", "classpath:calendars/friday-nights.ics"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR");
        }
    }
}
