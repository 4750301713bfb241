package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

@ExtendWith(OutputCaptureExtension.class)
class CalendarFeedTest {

    private static final String SECRET = "s=4f1b2c3d4e5f";

    private HttpServer channel;
    private final CountDownLatch slowFeedHeld = new CountDownLatch(1);

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
        channel.createContext("/moved.ics", exchange -> {
            exchange.getResponseHeaders().add("Location", "/calendar/ical/42.ics?" + SECRET);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        channel.createContext("/slow.ics", exchange -> {
            // headers at once, then a body that never ends: only the timeout stops the download
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                slowFeedHeld.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        channel.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        channel.start();
    }

    @AfterEach
    void stopChannel() {
        slowFeedHeld.countDown();
        channel.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + channel.getAddress().getPort() + path;
    }

    private static CalendarFeedReader reader() {
        return reader(Duration.ofSeconds(5));
    }

    private static CalendarFeedReader reader(Duration feedTimeout) {
        PropertyProperties properties = new PropertyProperties(
                "classpath:catalog/test-properties.yaml",
                "https://book.example/{propertyId}",
                ZoneId.of("Europe/Bucharest"),
                Duration.ofMinutes(15),
                Duration.ofSeconds(1),
                feedTimeout,
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
    void followsAChannelsRedirect() throws Exception {
        CalendarFeed feed = new CalendarFeed("casa-pescarului", url("/moved.ics?" + SECRET));

        try (InputStream in = reader().open(feed)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR");
        }
    }

    @Test
    void aFeedThatCannotBeReachedOrNeverEndsIsReportedWithoutItsAddress(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CalendarFeed refused =
                new CalendarFeed("casa-pescarului", "http://127.0.0.1:" + closed + "/ical/42.ics?" + SECRET);
        CalendarFeed endless = new CalendarFeed("casa-pescarului", url("/slow.ics?" + SECRET));
        CalendarFeed malformed = new CalendarFeed("casa-pescarului", "https://www.airbnb.com/ical/42 .ics?" + SECRET);
        CalendarFeedReader reader = reader(Duration.ofMillis(500));

        IOException down = catchIOException(() -> reader.open(refused).close());
        IOException slow = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> catchIOException(() -> reader.open(endless).close()));
        IOException invalid = catchIOException(() -> reader.open(malformed).close());

        assertThat(down).hasMessageStartingWith("casa-pescarului <- http://127.0.0.1 could not be downloaded: ");
        assertThat(slow)
                .hasMessage("casa-pescarului <- http://127.0.0.1 could not be downloaded: no answer within 500 ms");
        assertThat(invalid).hasMessage("casa-pescarului <- 42 .ics is not a valid address");
        for (IOException e : List.of(down, slow, invalid)) {
            assertThat(e.getCause())
                    .as("a cause's message would name the address")
                    .isNull();
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SECRET, "/ical/42", "/slow.ics");
        }
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    private static IOException catchIOException(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(IOException.class);
        return (IOException) thrown;
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
