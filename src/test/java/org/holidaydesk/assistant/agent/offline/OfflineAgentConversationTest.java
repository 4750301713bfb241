package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestAgent;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.offline.reading.Features;
import org.holidaydesk.assistant.agent.tools.McpPropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.ToolRefusedException;
import org.holidaydesk.assistant.agent.tools.ToolsUnavailableException;
import org.holidaydesk.assistant.config.AgentProperties;
import org.holidaydesk.assistant.support.TcpProxy;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The offline agent in the whole service, calling the embedded MCP server's tools in-process, through the
 * seed conversation in English and in Romanian. Every answer is checked against what the tools themselves
 * say for the same question, asked here over real HTTP through a separate MCP client; the catalog
 * is written for today so that the asked dates hold both free and booked properties.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_VERIFY_TOKEN=dev-fixture-verify-token",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:offline-agent-${random.uuid};DB_CLOSE_DELAY=-1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineAgentConversationTest {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Bucharest");
    private static final LocalDate TODAY = LocalDate.now(BUSINESS_ZONE);
    /** The seed conversation's dates, on their next occurrence. */
    private static final LocalDate JUNE_15 = next(MonthDay.of(6, 15));

    private static final LocalDate JUNE_20 = JUNE_15.withDayOfMonth(20);
    private static final LocalDate JULY_10 = next(MonthDay.of(7, 10));
    private static final LocalDate JULY_15 = JULY_10.withDayOfMonth(15);
    private static final YearMonth NEXT_MONTH = YearMonth.from(TODAY).plusMonths(1);

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("PROPERTY_CATALOG", () -> writeCatalog().toUri().toString());
    }

    /**
     * Five properties: around June 15-20 two are taken, one sleeps too few for a large party, two are
     * free; Casa Pescarului has two bookings next month and none around July 10-15.
     */
    private static Path writeCatalog() {
        String yaml = """
                properties:
                  - {id: casa-pescarului, name: Casa Pescarului, aliases: [Pescarului], location: Danube Delta, rooms: 3,
                     maxGuests: 6, nightlyPrice: 450, currency: RON, minimumStay: 2, bookingId: "100101",
                     amenities: [wifi, parking], tags: [family, pet-friendly],
                     description: {en: A fisherman's house in the delta., ro: O casă pescărească în deltă.},
                     bookings: [{checkIn: %s, checkOut: %s}, {checkIn: %s, checkOut: %s}, {checkIn: %s, checkOut: %s}]}
                  - {id: vila-franceza, name: Vila Franceza, location: Sinaia, rooms: 5, maxGuests: 10, nightlyPrice: 1200,
                     currency: RON, minimumStay: 2, amenities: [sauna, parking], tags: [mountains, groups],
                     bookings: [{checkIn: %s, checkOut: %s}]}
                  - {id: cabana-bradul, name: Cabana Bradul, location: Bran, rooms: 1, maxGuests: 2, nightlyPrice: 380,
                     currency: RON, minimumStay: 1, amenities: [wifi, hot tub], tags: [romantic, pet-friendly]}
                  - {id: casa-de-pe-lac, name: Casa de pe Lac, location: Snagov, rooms: 2, maxGuests: 4, nightlyPrice: 600,
                     currency: RON, minimumStay: 1}
                  - {id: conacul-viilor, name: Conacul Viilor, location: Dealu Mare, rooms: 4, maxGuests: 8, nightlyPrice: 220,
                     currency: EUR, minimumStay: 3, bookings: [{checkIn: %s, checkOut: %s}]}
                """.formatted(
                        JUNE_15.minusDays(2),
                        JUNE_15.plusDays(2),
                        NEXT_MONTH.atDay(5),
                        NEXT_MONTH.atDay(9),
                        NEXT_MONTH.atDay(20),
                        NEXT_MONTH.atDay(27),
                        JUNE_20.minusDays(2),
                        JUNE_20.plusDays(2),
                        JUNE_15.minusDays(14),
                        JUNE_20.plusDays(10));
        try {
            Path file = Files.createTempFile("offline-agent-catalog", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate next(MonthDay day) {
        LocalDate thisYear = day.atYear(TODAY.getYear());
        return thisYear.isBefore(TODAY) ? thisYear.plusYears(1) : thisYear;
    }

    @LocalServerPort
    private int port;

    @Autowired
    private GuestAgent agent;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AgentProperties agentProperties;

    @Autowired
    private Environment environment;

    private McpClient tools;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void connect() {
        tools = new DefaultMcpClient.Builder()
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url("http://localhost:" + port + "/mcp")
                        .timeout(Duration.ofSeconds(10))
                        .build())
                .toolExecutionTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    void disconnect() throws Exception {
        tools.close();
    }

    /** What a tool answers, asked directly: the truth the agent's answers are checked against. */
    private JsonNode tool(String name, Map<String, Object> arguments) throws Exception {
        return json.readTree(tools.executeTool(ToolExecutionRequest.builder()
                        .id("t")
                        .name(name)
                        .arguments(json.writeValueAsString(arguments))
                        .build())
                .resultText());
    }

    private AgentReply say(String guest, String text) {
        return agent.answer(new GuestTurn(
                guest,
                null,
                null,
                List.of(new TurnMessage("wamid." + UUID.randomUUID(), MessageKind.TEXT, text, Instant.now())),
                TODAY));
    }

    private static String only(AgentReply reply) {
        assertThat(reply.parts()).hasSize(1);
        assertThat(reply.parts().get(0)).hasSizeLessThan(4096).doesNotContain("Exception", "Ask the guest");
        return reply.parts().get(0);
    }

    private List<String> catalogNames() throws Exception {
        return tool("list_properties", Map.of()).path("properties").findValuesAsText("name");
    }

    private static String money(JsonNode offer) {
        return Wording.money(
                offer.path("totalPrice").decimalValue(), offer.path("currency").asText());
    }

    // ---- the seed conversation ----

    @Test
    void seedConversationInEnglish() throws Exception {
        seedConversation(
                LanguageGuess.ENGLISH,
                "guest-en-" + UUID.randomUUID(),
                "Hello, I need a place to stay",
                "I need accommodation from June 15 to June 20 for 2 people",
                "Is Casa Pescarului available next month?",
                "I want to book Casa Pescarului from July 10 to July 15");
    }

    @Test
    void seedConversationInRomanian() throws Exception {
        seedConversation(
                LanguageGuess.ROMANIAN,
                "guest-ro-" + UUID.randomUUID(),
                "Bună, caut cazare",
                "Caut cazare între 15 și 20 iunie pentru 2 persoane",
                "Este Casa Pescarului liberă luna viitoare?",
                "Vreau să rezerv Casa Pescarului între 10 și 15 iulie");
    }

    private void seedConversation(String language, String guest, String hello, String search, String month, String book)
            throws Exception {
        Wording words = Wording.of(language, TODAY);

        // 1. a greeting: every property the business has, and a question
        AgentReply greeting = say(guest, hello);
        assertThat(greeting.language()).isEqualTo(language);
        assertThat(only(greeting)).startsWith(words.hello()).contains(words.askDatesAndGuests());
        for (String name : catalogNames()) {
            assertThat(only(greeting)).contains("*" + name + "*");
        }

        // 2. dates and a party: exactly the properties the search finds, each with its total price
        AgentReply searched = say(guest, search);
        JsonNode result = tool(
                "search_availability",
                Map.of("checkIn", JUNE_15.toString(), "checkOut", JUNE_20.toString(), "guests", 2));
        List<String> free = result.path("available").findValuesAsText("name");
        assertThat(free)
                .as("the catalog leaves some properties free and books others")
                .isNotEmpty()
                .hasSizeLessThan(catalogNames().size());
        assertThat(searched.language()).isEqualTo(language);
        String answer = only(searched);
        assertThat(answer).contains(words.freeFor(JUNE_15, JUNE_20, 5, 2));
        for (JsonNode offer : result.path("available")) {
            assertThat(answer).contains("*" + offer.path("name").asText() + "*", money(offer));
        }
        for (String name : catalogNames()) {
            if (!free.contains(name)) {
                assertThat(answer).doesNotContain(name);
            }
        }

        // 3. a property and next month: its free stretches in that month, long enough to book
        AgentReply monthly = say(guest, month);
        List<PropertyTools.Range> bookable = freeStretches("Casa Pescarului", NEXT_MONTH);
        assertThat(bookable).as("Casa Pescarului is partly booked next month").isNotEmpty();
        answer = only(monthly);
        assertThat(monthly.language()).isEqualTo(language);
        assertThat(answer).contains(words.freeInMonth("Casa Pescarului", NEXT_MONTH));
        assertThat(answer.lines().filter(line -> line.startsWith("• ")).toList())
                .containsExactlyElementsOf(bookable.stream()
                        .limit(AvailabilityAnswers.MOST_LINES)
                        .map(words::rangeLine)
                        .toList());

        // 4. booking a free stay: the link the tool makes for it, with the party told in step 2
        AgentReply booked = say(guest, book);
        JsonNode link = tool(
                "create_booking_link",
                Map.of(
                        "property",
                        "Casa Pescarului",
                        "checkIn",
                        JULY_10.toString(),
                        "checkOut",
                        JULY_15.toString(),
                        "guests",
                        2));
        answer = only(booked);
        assertThat(booked.language()).isEqualTo(language);
        assertThat(answer)
                .contains("*" + money(link) + "*", "*Casa Pescarului*", words.stay(JULY_10, JULY_15))
                .doesNotContain(link.path("url").asText());
        assertThat(booked.booking().url())
                .as("the booking page goes out as the button under the answer")
                .isEqualTo(link.path("url").asText());
    }

    /** The free stretches of a property within a month as the calendar tool shows them, read here independently. */
    private List<PropertyTools.Range> freeStretches(String property, YearMonth month) throws Exception {
        LocalDate from = month.atDay(1);
        LocalDate end = month.atEndOfMonth().plusDays(1);
        boolean[] free = new boolean[month.lengthOfMonth()];
        int minimumStay = 1;
        for (LocalDate start = from; start.isBefore(end); start = start.plusDays(30)) {
            JsonNode calendar = tool("get_calendar", Map.of("property", property, "from", start.toString()));
            minimumStay = calendar.path("minimumStay").asInt();
            for (JsonNode range : calendar.path("freeRanges")) {
                for (LocalDate night = LocalDate.parse(range.path("start").asText());
                        night.isBefore(LocalDate.parse(range.path("end").asText()));
                        night = night.plusDays(1)) {
                    if (!night.isBefore(from) && night.isBefore(end)) {
                        free[night.getDayOfMonth() - 1] = true;
                    }
                }
            }
        }
        List<PropertyTools.Range> stretches = new ArrayList<>();
        for (int day = 0; day < free.length; day++) {
            if (free[day] && (day == 0 || !free[day - 1])) {
                int last = day;
                while (last + 1 < free.length && free[last + 1]) {
                    last++;
                }
                if (last - day + 1 >= minimumStay) {
                    stretches.add(new PropertyTools.Range(
                            month.atDay(day + 1), month.atDay(last + 1).plusDays(1)));
                }
            }
        }
        return stretches;
    }

    // ---- questions about a property ----

    @Test
    void aQuestionAboutAPropertyIsAnsweredFromItsDetailsAndTheDatesAreKept() throws Exception {
        String guest = "guest-" + UUID.randomUUID();
        Wording words = Wording.of(LanguageGuess.ENGLISH, TODAY);
        say(guest, "I need accommodation from June 15 to June 20 for 2 people");

        String price = only(say(guest, "How much is Vila Franceza per night?"));

        JsonNode vila = tool("get_property", Map.of("property", "Vila Franceza"));
        assertThat(price)
                .contains(
                        "*"
                                + Wording.money(
                                        vila.path("nightlyPrice").decimalValue(),
                                        vila.path("currency").asText())
                                + "*",
                        words.nights(vila.path("minimumStay").asInt()),
                        words.place().offerToCheck("Vila Franceza", JUNE_15, JUNE_20))
                .doesNotContain("http", words.booked("Vila Franceza", JUNE_15, JUNE_20));

        // the next question is about the dates the conversation has: the search's answer for that property
        String availability = only(say(guest, "Is it free then?"));
        JsonNode result = tool(
                "search_availability",
                Map.of(
                        "checkIn",
                        JUNE_15.toString(),
                        "checkOut",
                        JUNE_20.toString(),
                        "guests",
                        2,
                        "property",
                        "Vila Franceza"));
        assertThat(result.path("requested").path("status").asText()).isEqualTo("BOOKED");
        assertThat(availability).contains(words.booked("Vila Franceza", JUNE_15, JUNE_20));
    }

    @Test
    void whereAPropertyIsWhetherItHasParkingAndTakesPetsInRomanian() throws Exception {
        String guest = "guest-" + UUID.randomUUID();

        AgentReply reply = say(guest, "Unde este Casa Pescarului? Are parcare? Pot veni cu câinele?");

        JsonNode casa = tool("get_property", Map.of("property", "Casa Pescarului"));
        assertThat(casa.path("amenities").toString()).contains("parking");
        assertThat(casa.path("tags").toString()).contains("pet-friendly");
        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(only(reply))
                .contains("*" + casa.path("location").asText() + "*", "*parcare*", "animalele de companie")
                .doesNotContain("http");
    }

    @Test
    void aDescriptionComesFromTheCatalogInTheGuestsLanguage() throws Exception {
        JsonNode casa = tool("get_property", Map.of("property", "Casa Pescarului"));

        assertThat(only(say("guest-" + UUID.randomUUID(), "Tell me about Casa Pescarului")))
                .contains(casa.path("description").path("en").asText());
        assertThat(only(say("guest-" + UUID.randomUUID(), "Spune-mi despre Casa Pescarului")))
                .contains(casa.path("description").path("ro").asText());
    }

    @Test
    void aWishPutsThePlacesThatHaveItFirst() throws Exception {
        String answer =
                only(say("guest-" + UUID.randomUUID(), "Something in the mountains from July 10 to July 15 for 2"));

        JsonNode result = tool(
                "search_availability",
                Map.of("checkIn", JULY_10.toString(), "checkOut", JULY_15.toString(), "guests", 2));
        List<String> free = result.path("available").findValuesAsText("name");
        assertThat(free)
                .as("the search puts the best fit for two first, not the mountains")
                .contains("Vila Franceza")
                .first()
                .isNotEqualTo("Vila Franceza");
        List<String> offered = answer.lines()
                .filter(line -> line.startsWith("• *"))
                .map(line -> line.substring(3, line.indexOf('*', 3)))
                .toList();
        assertThat(offered).first().isEqualTo("Vila Franceza");
        assertThat(offered).hasSameElementsAs(free.subList(0, Math.min(free.size(), AvailabilityAnswers.MOST_LINES)));
        assertThat(answer)
                .contains(Wording.of(LanguageGuess.ENGLISH, TODAY)
                        .place()
                        .bestMatchesFirst(List.of(Features.named("mountains", List.of()))));
    }

    // ---- a property that is taken ----

    @Test
    void aTakenPropertyGetsTheNearbyDatesAndOtherPropertiesTheSearchFinds() throws Exception {
        String guest = "guest-" + UUID.randomUUID();
        Map<String, Object> question = new LinkedHashMap<>(Map.of(
                "checkIn",
                JUNE_15.toString(),
                "checkOut",
                JUNE_20.toString(),
                "guests",
                2,
                "property",
                "Casa Pescarului"));
        JsonNode result = tool("search_availability", question);
        assertThat(result.path("requested").path("status").asText()).isEqualTo("BOOKED");

        String answer = only(say(guest, "Is Casa Pescarului free from June 15 to June 20 for 2?"));

        Wording words = Wording.of(LanguageGuess.ENGLISH, TODAY);
        assertThat(answer).contains(words.booked("Casa Pescarului", JUNE_15, JUNE_20));
        JsonNode nearby = result.path("alternatives").path("nearbyDates");
        JsonNode others = result.path("alternatives").path("otherProperties");
        assertThat(nearby.size() + others.size()).isPositive();
        // the nearest few, as the tool orders them
        for (int i = 0; i < Math.min(nearby.size(), AvailabilityAnswers.MOST_NEARBY); i++) {
            JsonNode offer = nearby.get(i);
            assertThat(answer)
                    .contains(words.stay(
                                    LocalDate.parse(offer.path("checkIn").asText()),
                                    LocalDate.parse(offer.path("checkOut").asText()))
                            + " – *" + money(offer) + "*");
        }
        for (JsonNode offer : others) {
            assertThat(answer).contains("*" + offer.path("name").asText() + "*", money(offer));
        }
    }

    // ---- questions the tools refuse ----

    @Test
    void anUnknownPropertyGetsTheClosestNamesTheToolsSuggest() {
        String reason = refusal("get_calendar", Map.of("property", "Vila Marea Neagra"));
        List<String> suggested = new ArrayList<>();
        java.util.regex.Matcher quoted =
                java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(reason);
        while (quoted.find()) {
            suggested.add(quoted.group(1));
        }
        suggested.retainAll(catalogNamesUnchecked());
        assertThat(suggested).isNotEmpty();

        String answer = only(say("guest-" + UUID.randomUUID(), "Este Vila Marea Neagră liberă în iulie?"));

        assertThat(answer).contains("Nu am găsit", "*Vila Marea Neagră*", "La care proprietate");
        for (String name : suggested) {
            assertThat(answer).contains("• *" + name + "*");
        }
    }

    @Test
    void datesInThePastAreRefusedWithAQuestion() {
        LocalDate lastYear = TODAY.minusYears(1);
        String past = "%02d/%02d/%d".formatted(lastYear.getDayOfMonth(), lastYear.getMonthValue(), lastYear.getYear());
        LocalDate departure = lastYear.plusDays(3);
        String pastDeparture =
                "%02d/%02d/%d".formatted(departure.getDayOfMonth(), departure.getMonthValue(), departure.getYear());
        assertThat(refusal(
                        "search_availability",
                        Map.of("checkIn", lastYear.toString(), "checkOut", departure.toString(), "guests", 2)))
                .contains("in the past");

        String answer = only(say("guest-" + UUID.randomUUID(), "from " + past + " to " + pastDeparture + " for 2"));

        assertThat(answer).isEqualTo(Wording.of(LanguageGuess.ENGLISH, TODAY).pastDates());
    }

    @Autowired
    private McpPropertyTools agentTools;

    @Test
    void theToolsCalledInProcessAnswerWhatTheMcpServerAnswersOverHttp() {
        McpPropertyTools overHttp = new McpPropertyTools(agentProperties, environment);
        try {
            assertThat(agentTools.listProperties()).isNotEmpty().isEqualTo(overHttp.listProperties());
            assertThat(agentTools.details("pescarului")).isEqualTo(overHttp.details("pescarului"));
            assertThat(agentTools.search(JUNE_15, JUNE_20, 4, null))
                    .isEqualTo(overHttp.search(JUNE_15, JUNE_20, 4, null));
            assertThat(agentTools.search(JULY_10, JULY_15, 2, "Casa Pescarului"))
                    .isEqualTo(overHttp.search(JULY_10, JULY_15, 2, "Casa Pescarului"));
            assertThat(agentTools.calendar("Casa Pescarului", NEXT_MONTH.atDay(1)))
                    .isEqualTo(overHttp.calendar("Casa Pescarului", NEXT_MONTH.atDay(1)));
            assertThat(agentTools.bookingLink("Casa Pescarului", JULY_10, JULY_15, 2))
                    .isEqualTo(overHttp.bookingLink("Casa Pescarului", JULY_10, JULY_15, 2));
            Throwable inProcess = catchThrowable(() -> agentTools.details("Vila Nicăieri"));
            Throwable mcp = catchThrowable(() -> overHttp.details("Vila Nicăieri"));
            assertThat(inProcess).isInstanceOf(ToolRefusedException.class).hasMessage(mcp.getMessage());
        } finally {
            overHttp.destroy();
        }
    }

    /** The reason a tool gives for refusing a question, read over MCP through a client of its own. */
    private String refusal(String tool, Map<String, Object> arguments) {
        McpPropertyTools direct = new McpPropertyTools(agentProperties, environment);
        try {
            Throwable thrown = catchThrowable(() -> {
                switch (tool) {
                    case "get_calendar" -> direct.calendar((String) arguments.get("property"), null);
                    case "search_availability" ->
                        direct.search(
                                LocalDate.parse((String) arguments.get("checkIn")),
                                LocalDate.parse((String) arguments.get("checkOut")),
                                (Integer) arguments.get("guests"),
                                null);
                    default -> throw new IllegalArgumentException(tool);
                }
            });
            assertThat(thrown).isInstanceOf(ToolRefusedException.class);
            assertThat(((ToolRefusedException) thrown).tool()).isEqualTo(tool);
            return thrown.getMessage();
        } finally {
            direct.destroy();
        }
    }

    private List<String> catalogNamesUnchecked() {
        try {
            return catalogNames();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- memory ----

    @Test
    void whatAGuestToldIsKeptInTheDatabaseForThatGuestOnly() {
        String guest = "guest-" + UUID.randomUUID();
        String stranger = "guest-" + UUID.randomUUID();

        assertThat(only(say(guest, "Caut cazare între 15 și 20 iunie"))).contains("câte persoane");
        Map<String, Object> row =
                jdbc.queryForMap("SELECT check_in, check_out, guests FROM guest_context WHERE guest_id = ?", guest);
        assertThat(row.get("check_in").toString()).isEqualTo(JUNE_15.toString());
        assertThat(row.get("guests")).isNull();

        // the stranger's "for 2" completes nothing; the guest's does
        assertThat(only(say(stranger, "pentru 2 persoane"))).contains("ce date doriți");
        assertThat(only(say(guest, "pentru 2 persoane")))
                .contains(Wording.of(LanguageGuess.ROMANIAN, TODAY).freeFor(JUNE_15, JUNE_20, 5, 2));
        assertThat(jdbc.queryForObject("SELECT guests FROM guest_context WHERE guest_id = ?", Integer.class, guest))
                .isEqualTo(2);
    }

    // ---- voice notes and failures ----

    @Test
    void aVoiceNoteGetsWhatTheAssistantCanDoInEnglishAndRomanian() {
        for (String language : List.of(LanguageGuess.ENGLISH, LanguageGuess.ROMANIAN)) {
            AgentReply reply = agent.answer(new GuestTurn(
                    "guest-" + UUID.randomUUID(),
                    null,
                    language,
                    List.of(new TurnMessage("wamid." + UUID.randomUUID(), MessageKind.AUDIO, null, Instant.now())),
                    TODAY));

            assertThat(reply.language()).isEqualTo(language);
            assertThat(only(reply)).isEqualTo(Wording.of(language, TODAY).capabilities(MessageKind.AUDIO));
        }
    }

    @Test
    void theEmbeddedServerIsFoundOnThePortActuallyBound() {
        assertThat(agentProperties.embeddedServer()).isTrue();
        assertThat(new McpPropertyTools(agentProperties, environment).serverUrl())
                .isEqualTo("http://localhost:" + port + "/mcp");
    }

    @Test
    void aServerThatGoesAwayIsReconnectedToWhenItComesBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy(port)) {
            McpPropertyTools viaProxy = new McpPropertyTools(
                    new AgentProperties(
                            "http://localhost:" + proxy.port() + "/mcp", Duration.ofSeconds(3), Duration.ofHours(1)),
                    environment);
            try {
                assertThat(viaProxy.listProperties())
                        .extracting(PropertyTools.PropertySummary::name)
                        .containsExactlyInAnyOrderElementsOf(catalogNames());

                proxy.cut();
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(catchThrowable(viaProxy::listProperties))
                                .isInstanceOf(ToolsUnavailableException.class));

                proxy.restore();
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(viaProxy.listProperties())
                                .hasSize(catalogNames().size()));
            } finally {
                viaProxy.destroy();
            }
        }
    }
}
