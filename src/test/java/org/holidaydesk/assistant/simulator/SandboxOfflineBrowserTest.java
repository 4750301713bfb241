package org.holidaydesk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holidaydesk.assistant.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sandbox page as {@code ./mvnw spring-boot:run} shows it, with no secrets set: the whole service in its
 * default configuration, the offline agent answering from the availability engine, driven in real headless
 * Chromium ({@code src/test/browser/sandbox-offline.mjs}). A guest asks whether Casa Pescarului is free next month
 * for two, names three free nights and gets the booking button; the page shows both answers, read ticks and the
 * offline agent's turns with its tool calls. Its screenshot is {@code target/sandbox-offline.png}, and also the
 * README's picture when run with {@code -Dsandbox.screenshot=docs/sandbox.png}.
 */
@ServiceTest
class SandboxOfflineBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final Path SCREENSHOT = Path.of("target/sandbox-offline.png");
    private static final Path PAGE_TEXT = Path.of("target/sandbox-offline.json");
    private static final String ANA = "40700000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGuestAsksAboutNextMonthAndGetsTheBookingButtonFromTheOfflineAgent() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        YearMonth next = YearMonth.from(TODAY).plusMonths(1);
        LocalDate from = next.atDay(1);
        while (!SandboxBrowser.freeForThreeNights(TODAY, from)) {
            from = from.plusDays(1);
        }
        LocalDate to = from.plusDays(3);
        assertThat(YearMonth.from(to)).as("three free nights within next month").isEqualTo(next);
        String month = next.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String ask = "Is Casa Pescarului free next month for two?";
        String pick = "From " + from.getDayOfMonth() + " to " + to.getDayOfMonth() + " " + month + ", please";

        SandboxBrowser.run(
                "sandbox-offline.mjs",
                "sandbox-offline-browser",
                port,
                Map.of(
                        "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString(),
                        "PAGE_TEXT", PAGE_TEXT.toAbsolutePath().toString(),
                        "ASK", ask,
                        "PICK", pick,
                        "PICK_FROM", from.toString(),
                        "PICK_TO", to.toString()));

        JsonNode page = JSON.readTree(PAGE_TEXT.toFile());
        assertThat(page.path("guest").asText()).isEqualTo("Ana Popescu");
        assertThat(page.path("chat").asText())
                .contains(ask, "Casa Pescarului", month, pick)
                .contains("Good news: Casa Pescarului is free for " + from.getDayOfMonth() + "–" + to.getDayOfMonth())
                .contains("(3 nights, 2 guests)", "Book " + from.getDayOfMonth() + "–" + to.getDayOfMonth())
                .doesNotContain("Exception");
        assertThat(page.path("panel").asText())
                .contains("Offline agent", "search_availability by the offline agent", "Arguments", "Result")
                .doesNotContain("Model");
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);

        // what the page showed is what the service recorded: two offline turns, both replies read by the guest
        assertThat(jdbc.queryForList("SELECT agent FROM turn_trace WHERE guest_id = ? ORDER BY id", String.class, ANA))
                .containsExactly("offline", "offline");
        List<String> statuses = jdbc.queryForList(
                "SELECT DISTINCT s.status FROM message_status s JOIN outbox o ON o.sent_wamid = s.wamid WHERE o.guest_id = ?",
                String.class,
                ANA);
        assertThat(statuses).contains("sent", "delivered", "read");

        String docs = System.getProperty("sandbox.screenshot");
        if (docs != null && !docs.isBlank()) {
            Files.copy(SCREENSHOT, Path.of(docs), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
