package org.holidaydesk.assistant.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox page in real headless Chromium (Debian's, driven by Playwright from {@code src/test/browser}),
 * against the whole service on loopback: a guest asks about Casa Pescarului, the answer comes from the
 * availability engine (the property MCP tools), a tap on the button it offers continues the conversation
 * with a booking link, the replies turn read (blue ticks), a second guest (user id only) gets the offline
 * agent's answer when the model fails, and switching back and forth keeps each thread. The language
 * model is a scripted stand-in that calls the real tools and answers from their results. The screenshot
 * is kept as {@code target/sandbox-screenshot.png}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "OPENAI_API_KEY=test-openai-key",
            "OPENAI_MODEL=stub-model",
            "MEM0_API_KEY=test-mem0-key",
            "WHATSAPP_DATES_FLOW_ID=1234567890123",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:sandbox-browser;DB_CLOSE_DELAY=-1",
            "assistant.pipeline.poll-interval=50",
            "assistant.reply.poll-interval=50",
            "assistant.model.max-retries=0"
        })
@DirtiesContext
class SandboxBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOT = Path.of("target/sandbox-screenshot.png");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));

    static final OpenAiStub model = new OpenAiStub();

    @DynamicPropertySource
    static void outsideWorld(DynamicPropertyRegistry registry) {
        registry.add("OPENAI_BASE_URL", model::baseUrl);
        registry.add("MEM0_BASE_URL", () -> "http://127.0.0.1:" + model.server().port());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void scriptTheModel() {
        LocalDate checkIn = TODAY.plusMonths(1).withDayOfMonth(10);
        // the guest's question: the model looks the stay up, then offers to book what the engine found
        model.script(
                "available next month",
                4,
                new OpenAiStub.Script(
                        "search_availability",
                        request -> {
                            Map<String, Object> arguments = new LinkedHashMap<>();
                            arguments.put("checkIn", checkIn.toString());
                            arguments.put("checkOut", checkIn.plusDays(3).toString());
                            arguments.put("guests", 2);
                            arguments.put("property", "Casa Pescarului");
                            return arguments;
                        },
                        result -> {
                            JsonNode offer = offer(result);
                            String which = offer.path("shiftDays").asInt() == 0 ? "is free" : "is taken then, but free";
                            return "*" + offer.path("name").asText() + "* " + which + " from "
                                    + offer.path("checkIn").asText() + " to "
                                    + offer.path("checkOut").asText() + ": "
                                    + offer.path("nights").asInt() + " nights for 2, "
                                    + price(offer) + " in all.\n"
                                    + "Shall I prepare the booking link?\n[choices: Book these dates | Other dates]";
                        }));
        // the tap: the model makes the link for the stay it offered
        model.script(
                "Book these dates",
                3,
                new OpenAiStub.Script(
                        "create_booking_link",
                        request -> {
                            JsonNode offer = offer(toolResult(request, "search_availability"));
                            Map<String, Object> arguments = new LinkedHashMap<>();
                            arguments.put("property", offer.path("name").asText());
                            arguments.put("checkIn", offer.path("checkIn").asText());
                            arguments.put("checkOut", offer.path("checkOut").asText());
                            arguments.put("guests", 2);
                            return arguments;
                        },
                        link -> "Here is your booking link for *"
                                + link.path("name").asText() + "*, "
                                + link.path("checkIn").asText()
                                + " to " + link.path("checkOut").asText() + " ("
                                + link.path("nights").asInt() + " nights, "
                                + price(link) + "):\n" + link.path("url").asText()
                                + "\n_The dates are yours once the booking is paid._"));
        // the second guest's question finds the model down: the offline agent answers it
        model.fail("this weekend for 2", 503);
        // and every later turn of hers (the month, the picked dates): the offline agent offers the date picker
        model.fail("Ioana Stan", 503);
        model.server()
                .stubFor(
                        post(urlEqualTo("/v3/memories/search/"))
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"results\":[{\"id\":\"m-1\",\"memory\":\"Travels with a small dog\",\"score\":0.91}]}")));
        model.server()
                .stubFor(post(urlEqualTo("/v3/memories/add/"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"event_id\":\"evt-1\",\"status\":\"PENDING\"}")));
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @Test
    void aGuestAsksTapsSeesReadTicksAndEachGuestKeepsTheirThread() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SCREENSHOT", SCREENSHOT.toAbsolutePath().toString());
        // the date picker: a month in which Casa Pescarului has a booking (the catalog's, 30 to 34 days from today)
        LocalDate takenNight = TODAY.plusDays(32);
        java.time.YearMonth month = java.time.YearMonth.from(takenNight);
        LocalDate from = month.atDay(1).isAfter(TODAY) ? month.atDay(1) : TODAY;
        while (!SandboxBrowser.freeForThreeNights(TODAY, from)) {
            from = from.plusDays(1);
        }
        env.put(
                "PICK_MONTH",
                month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        env.put("TAKEN_NIGHT", takenNight.toString());
        env.put("PICK_FROM", from.toString());
        env.put("PICK_TO", from.plusDays(3).toString());

        SandboxBrowser.run("sandbox.mjs", "sandbox-browser", port, env);

        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT status FROM message_status WHERE wamid LIKE 'sandbox.%'", String.class))
                .contains("sent", "delivered", "read");
        assertThat(model.requests("Book these dates")).isNotEmpty();
        List<String> agents = jdbc.queryForList("SELECT agent FROM turn_trace ORDER BY id", String.class);
        assertThat(agents).containsExactly("model", "model", "offline", "offline", "offline");
    }

    /** The stay the engine found: the asked dates when free, else the nearest other dates or property. */
    private static JsonNode offer(JsonNode search) {
        String requested = search.at("/requested/propertyId").asText();
        for (JsonNode offer : search.path("available")) {
            if (offer.path("propertyId").asText().equals(requested)) {
                return offer;
            }
        }
        for (String alternatives :
                List.of("/alternatives/nearbyDates", "/alternatives/otherProperties", "/available")) {
            JsonNode first = search.at(alternatives).path(0);
            if (!first.isMissingNode()) {
                return first;
            }
        }
        throw new AssertionError("the engine found nothing at all: " + search);
    }

    private static String price(JsonNode stay) {
        return stay.path("totalPrice").decimalValue().stripTrailingZeros().toPlainString() + " "
                + stay.path("currency").asText();
    }

    /** The result of the last call of {@code tool} in the conversation a request carries. */
    private static JsonNode toolResult(JsonNode request, String tool) {
        String id = "call_" + tool;
        JsonNode found = null;
        for (JsonNode message : request.path("messages")) {
            if ("tool".equals(message.path("role").asText())
                    && id.equals(message.path("tool_call_id").asText())) {
                try {
                    found = JSON.readTree(message.path("content").asText());
                } catch (IOException e) {
                    throw new AssertionError("the " + tool + " result is not JSON", e);
                }
            }
        }
        if (found == null) {
            throw new AssertionError("the conversation carries no " + tool + " result");
        }
        return found;
    }
}
