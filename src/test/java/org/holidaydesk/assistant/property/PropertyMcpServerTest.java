package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.holidaydesk.assistant.AssistantApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole service with the test catalog, spoken to at /mcp by the MCP client the assistant uses
 * (LangChain4j over Streamable HTTP). Every tool's answer and its error answer are checked here.
 */
@SpringBootTest(
        classes = AssistantApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WEBHOOK_PORT=0",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:prop-${random.uuid};DB_CLOSE_DELAY=-1",
            "PROPERTY_CATALOG=classpath:catalog/test-properties.yaml",
            "BOOKING_URL_TEMPLATE=https://book.example/{propertyId}?from={checkIn}&to={checkOut}&n={nights}&adults={guests}",
            "assistant.property.calendar-first-import-delay=0s",
            "assistant.property.calendar-refresh=1s"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PropertyMcpServerTest {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Bucharest");

    @LocalServerPort
    private int port;

    @Autowired
    private CamelContext camel;

    private McpClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void connect() {
        // DefaultMcpClient sends initialize when it is built: the server is up by now
        client = new DefaultMcpClient.Builder()
                .key("properties")
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url(mcpUrl())
                        .timeout(Duration.ofSeconds(10))
                        .build())
                .toolExecutionTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    void disconnect() throws Exception {
        client.close();
    }

    private String mcpUrl() {
        return "http://localhost:" + port + "/mcp";
    }

    private static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }

    private ToolExecutionResult call(String tool, Map<String, Object> arguments) throws Exception {
        return client.executeTool(ToolExecutionRequest.builder()
                .id("1")
                .name(tool)
                .arguments(json.writeValueAsString(arguments))
                .build());
    }

    private JsonNode structured(ToolExecutionResult result) {
        assertThat(result.isError()).isFalse();
        return json.valueToTree(result.result());
    }

    private String errorText(String tool, Map<String, Object> arguments) {
        Throwable thrown = catchThrowable(() -> call(tool, arguments));
        assertThat(thrown).isInstanceOf(ToolExecutionException.class);
        return thrown.getMessage();
    }

    // ---- protocol ----

    @Test
    void initializeNamesTheServerAndItsTools() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(mcpUrl()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                         "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"""))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("result");
        assertThat(result.path("serverInfo").path("name").asText()).isEqualTo(PropertyMcpServer.SERVER_NAME);
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("instructions").asText()).contains("never from memory");
        client.checkHealth();
    }

    @Test
    void listsTheSixPropertyToolsWithTheirSchemas() {
        List<ToolSpecification> tools = client.listTools();

        assertThat(tools)
                .extracting(ToolSpecification::name)
                .containsExactlyInAnyOrder(
                        "list_properties",
                        "search_availability",
                        "get_property",
                        "get_calendar",
                        "create_booking_link",
                        "get_house_guide");
        assertThat(tools).allSatisfy(tool -> assertThat(tool.description()).isNotBlank());
        ToolSpecification search = tools.stream()
                .filter(t -> t.name().equals("search_availability"))
                .findFirst()
                .orElseThrow();
        assertThat(search.parameters().required()).containsExactlyInAnyOrder("checkIn", "checkOut", "guests");
        assertThat(search.parameters().properties()).containsKeys("checkIn", "checkOut", "guests", "property");
        ToolSpecification link = tools.stream()
                .filter(t -> t.name().equals("create_booking_link"))
                .findFirst()
                .orElseThrow();
        assertThat(link.description()).contains("does NOT reserve");
    }

    // ---- list_properties ----

    @Test
    void listPropertiesReturnsTheCatalog() throws Exception {
        JsonNode listing = structured(call("list_properties", Map.of()));

        assertThat(listing.path("count").asInt()).isEqualTo(3);
        assertThat(listing.path("properties").findValuesAsText("name"))
                .containsExactlyInAnyOrder("Casa Pescarului", "Vila Franceza", "Cabana Bradul");
    }

    @Test
    void listPropertiesGivesEachPropertysTagsAndAmenities() throws Exception {
        JsonNode pescarului = null;
        for (JsonNode property : structured(call("list_properties", Map.of())).path("properties")) {
            if (property.path("id").asText().equals("casa-pescarului")) {
                pescarului = property;
            }
        }
        assertThat(pescarului).isNotNull();

        assertThat(pescarului.path("amenities").toString()).contains("wifi", "kitchen");
        assertThat(pescarului.path("tags").toString()).contains("family", "nature");
    }

    @Test
    void listPropertiesFiltersByTagAndPartySize() throws Exception {
        assertThat(structured(call("list_properties", Map.of("tag", "Pet Friendly")))
                        .path("properties")
                        .findValuesAsText("id"))
                .containsExactly("cabana-bradul");
        assertThat(structured(call("list_properties", Map.of("guests", 7)))
                        .path("properties")
                        .findValuesAsText("id"))
                .containsExactly("vila-franceza");
    }

    @Test
    void listPropertiesRefusesFewerThanOneGuest() {
        assertThat(errorText("list_properties", Map.of("guests", 0))).contains("at least 1");
    }

    // ---- search_availability ----

    @Test
    void searchFindsEveryPropertyFreeOnQuietDates() throws Exception {
        LocalDate checkIn = firstDayAfter(today().plusDays(40), DayOfWeek.MONDAY);
        JsonNode result = structured(call(
                "search_availability",
                Map.of(
                        "checkIn",
                        checkIn.toString(),
                        "checkOut",
                        checkIn.plusDays(3).toString(),
                        "guests",
                        2)));

        assertThat(result.path("nights").asInt()).isEqualTo(3);
        assertThat(result.path("available").findValuesAsText("propertyId"))
                .containsExactlyInAnyOrder("casa-pescarului", "vila-franceza", "cabana-bradul");
        JsonNode pescarului = find(result.path("available"), "casa-pescarului");
        assertThat(pescarului.path("totalPrice").decimalValue()).isEqualByComparingTo("1350");
        assertThat(pescarului.path("currency").asText()).isEqualTo("RON");
    }

    @Test
    void searchForABookedPropertyOffersNearbyDatesAndOtherProperties() throws Exception {
        // the test catalog books Casa Pescarului from today+10 for 5 nights, Vila Franceza from today+9 for 7
        LocalDate checkIn = today().plusDays(11);
        JsonNode result = structured(call(
                "search_availability",
                Map.of(
                        "checkIn",
                        checkIn.toString(),
                        "checkOut",
                        checkIn.plusDays(2).toString(),
                        "guests",
                        2,
                        "property",
                        "Casa Pescariului")));

        assertThat(result.path("requested").path("propertyId").asText()).isEqualTo("casa-pescarului");
        assertThat(result.path("requested").path("status").asText()).isEqualTo("BOOKED");
        assertThat(result.path("available")).isEmpty();
        JsonNode nearby = result.path("alternatives").path("nearbyDates");
        assertThat(nearby).isNotEmpty();
        assertThat(nearby.get(0).path("propertyId").asText()).isEqualTo("casa-pescarului");
        assertThat(nearby.get(0).path("nights").asInt()).isEqualTo(2);
        assertThat(result.path("alternatives").path("otherProperties").findValuesAsText("propertyId"))
                .doesNotContain("casa-pescarului", "vila-franceza");
    }

    @Test
    void searchTreatsTheCheckOutDayAsFreeForTheNextGuest() throws Exception {
        LocalDate checkOutOfBooking = today().plusDays(15);
        JsonNode result = structured(call(
                "search_availability",
                Map.of(
                        "checkIn",
                        checkOutOfBooking.toString(),
                        "checkOut",
                        checkOutOfBooking.plusDays(2).toString(),
                        "guests",
                        4,
                        "property",
                        "casa pescarului")));

        assertThat(result.path("requested").path("status").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void searchRefusesACheckInInThePast() {
        assertThat(errorText(
                        "search_availability",
                        Map.of(
                                "checkIn",
                                today().minusDays(2).toString(),
                                "checkOut",
                                today().plusDays(2).toString(),
                                "guests",
                                2)))
                .contains("in the past")
                .contains("Ask the guest");
    }

    @Test
    void searchRefusesACheckOutBeforeTheCheckIn() {
        assertThat(errorText(
                        "search_availability",
                        Map.of(
                                "checkIn",
                                today().plusDays(20).toString(),
                                "checkOut",
                                today().plusDays(18).toString(),
                                "guests",
                                2)))
                .contains("must be after the check-in");
    }

    @Test
    void searchRefusesMoreThanThirtyNights() {
        assertThat(errorText(
                        "search_availability",
                        Map.of(
                                "checkIn",
                                today().plusDays(20).toString(),
                                "checkOut",
                                today().plusDays(51).toString(),
                                "guests",
                                2)))
                .contains("at most 30 nights");
    }

    @Test
    void searchRefusesFewerThanOneGuest() {
        assertThat(errorText(
                        "search_availability",
                        Map.of(
                                "checkIn",
                                today().plusDays(20).toString(),
                                "checkOut",
                                today().plusDays(22).toString(),
                                "guests",
                                0)))
                .contains("how many people");
    }

    @Test
    void searchForAnUnknownPropertyNamesTheClosestOnes() {
        assertThat(errorText(
                        "search_availability",
                        Map.of(
                                "checkIn",
                                today().plusDays(20).toString(),
                                "checkOut",
                                today().plusDays(22).toString(),
                                "guests",
                                2,
                                "property",
                                "Vila Marea Neagra")))
                .contains("no property called \"Vila Marea Neagra\"")
                .contains("Vila Franceza")
                .contains("Ask the guest");
    }

    @Test
    void searchRefusesADateThatIsNotIso() {
        assertThat(errorText(
                        "search_availability",
                        Map.of(
                                "checkIn",
                                "15/06/2026",
                                "checkOut",
                                today().plusDays(22).toString(),
                                "guests",
                                2)))
                .contains("yyyy-MM-dd");
    }

    // ---- get_property ----

    @Test
    void getPropertyFindsAMisspeltNameAndGivesBothDescriptions() throws Exception {
        JsonNode property = structured(call("get_property", Map.of("property", "vila franceza")));

        assertThat(property.path("id").asText()).isEqualTo("vila-franceza");
        assertThat(property.path("maxGuests").asInt()).isEqualTo(10);
        assertThat(property.path("description").path("en").asText()).isNotBlank();
        assertThat(property.path("description").path("ro").asText()).isNotBlank();
    }

    @Test
    void getPropertyForAnUnknownNameSuggestsTheClosest() {
        assertThat(errorText("get_property", Map.of("property", "Cabana Brazilor Zzz")))
                .contains("Cabana Bradul");
    }

    // ---- get_house_guide ----

    @Test
    void aCatalogWithoutGuidesKnowsNoGuideFactAndSaysSo() throws Exception {
        JsonNode guide = structured(call("get_house_guide", Map.of("property", "Casa Pescarului", "language", "de")));

        assertThat(guide.path("propertyId").asText()).isEqualTo("casa-pescarului");
        assertThat(guide.path("facts").size()).isZero();
        assertThat(guide.path("notInGuide")).hasSize(12);
        assertThat(errorText("get_house_guide", Map.of("language", "German"))).contains("two-letter language code");
    }

    // ---- get_calendar ----

    @Test
    void calendarShowsTheCatalogBookingAndTheFeedsFridays() throws Exception {
        JsonNode pescarului = structured(call("get_calendar", Map.of("property", "Casa Pescarului")));

        assertThat(pescarului.path("from").asText()).isEqualTo(today().toString());
        assertThat(pescarului.path("bookedRanges")).hasSize(1);
        assertThat(pescarului.path("bookedRanges").get(0).path("start").asText())
                .isEqualTo(today().plusDays(10).toString());
        assertThat(pescarului.path("freeNights").asInt()).isEqualTo(25);
        assertThat(pescarului.path("longestFreeStretch").path("start").asText())
                .isEqualTo(today().plusDays(15).toString());

        // the feed is imported by the calendar route shortly after the start
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode bradul = structured(call("get_calendar", Map.of("property", "cabana-bradul")));
            assertThat(bradul.path("bookedNights").asInt()).isBetween(4, 5);
            for (JsonNode booked : bradul.path("bookedRanges")) {
                LocalDate start = LocalDate.parse(booked.path("start").asText());
                assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            }
        });
    }

    @Test
    void calendarRouteKeepsRefreshingDespiteABrokenFeed() {
        NotifyBuilder refreshes = new NotifyBuilder(camel)
                .fromRoute("property-calendar-refresh")
                .whenCompleted(2)
                .create();

        assertThat(refreshes.matches(15, TimeUnit.SECONDS)).isTrue();
        assertThat(camel.getRouteController()
                        .getRouteStatus("property-calendar-refresh")
                        .isStarted())
                .isTrue();
    }

    @Test
    void calendarRefusesAStartInThePast() {
        assertThat(errorText(
                        "get_calendar",
                        Map.of(
                                "property",
                                "Casa Pescarului",
                                "from",
                                today().minusDays(1).toString())))
                .contains("in the past");
    }

    // ---- create_booking_link ----

    @Test
    void bookingLinkFillsTheTemplateAndSaysItReservesNothing() throws Exception {
        LocalDate checkIn = today().plusDays(40);
        JsonNode link = structured(call(
                "create_booking_link",
                Map.of(
                        "property",
                        "Pescarului",
                        "checkIn",
                        checkIn.toString(),
                        "checkOut",
                        checkIn.plusDays(3).toString(),
                        "guests",
                        4)));

        assertThat(link.path("url").asText())
                .isEqualTo(
                        "https://book.example/100101?from=" + checkIn + "&to=" + checkIn.plusDays(3) + "&n=3&adults=4");
        assertThat(link.path("reserved").asBoolean()).isFalse();
        assertThat(link.path("note").asText()).contains("nothing is reserved");
    }

    @Test
    void bookingLinkRefusesDatesThatAreTaken() {
        assertThat(errorText(
                        "create_booking_link",
                        Map.of(
                                "property",
                                "Vila Franceza",
                                "checkIn",
                                today().plusDays(10).toString(),
                                "checkOut",
                                today().plusDays(12).toString(),
                                "guests",
                                2)))
                .contains("not free")
                .contains("search_availability");
    }

    @Test
    void bookingLinkRefusesAPartyTooLarge() {
        assertThat(errorText(
                        "create_booking_link",
                        Map.of(
                                "property",
                                "Cabana Bradul",
                                "checkIn",
                                today().plusDays(40).toString(),
                                "checkOut",
                                today().plusDays(41).toString(),
                                "guests",
                                3)))
                .contains("sleeps at most 2");
    }

    private static JsonNode find(JsonNode offers, String propertyId) {
        for (JsonNode offer : offers) {
            if (offer.path("propertyId").asText().equals(propertyId)) {
                return offer;
            }
        }
        throw new AssertionError(propertyId + " not in " + offers);
    }

    private static LocalDate firstDayAfter(LocalDate date, DayOfWeek day) {
        return date.with(TemporalAdjusters.next(day));
    }
}
