package org.holidaydesk.assistant.funnel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.CloudApiServiceTest;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.MetaMessageShape;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A guest's way from a question to an opened booking link, over real HTTP with a stand-in Cloud API and the
 * date picker published: a vague month gets the Flow with the property's taken nights greyed out, the picked
 * range (Meta's signed {@code nfm_reply}) gets the availability answer with a {@code cta_url} booking button whose
 * tracked link redirects to the booking page and counts its first open; Meta's pricing of the button's status is
 * counted; the funnel moves at each step and reads per property and day without a phone number; every
 * {@code cta_url} and {@code flow} send has Meta's documented shape.
 */
@CloudApiServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingFunnelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloudApiServer CLOUD_API = StandIns.CloudApi.cloudApi();
    private static final String GUEST = "40752601815";
    private static final String PROPERTY = "casa-pescarului";
    private static final String LINK_WAMID = "wamid.HBgLNDA3NTI2MDE4MTUVAgARGBJCT09LSU5HLUxJTkstMDAwMQA=";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The catalog's bookings of Casa Pescarului, relative to today: check-in days from now and nights. */
    private static final int[][] TAKEN = {{2, 4}, {12, 7}, {30, 5}};

    /** The tracked link the booking button opens, from the conversation's second step. */
    static String trackedLink;

    static LocalDate checkIn;
    static LocalDate checkOut;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void bookingButtonsGetTheirOwnWamid() {
        CLOUD_API
                .server()
                .stubFor(post(urlPathMatching("/v\\d+\\.\\d+/[^/]+/messages"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.interactive.type", equalTo("cta_url")))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + GUEST
                                        + "\",\"wa_id\":\"" + GUEST + "\"}],\"messages\":[{\"id\":\"" + LINK_WAMID
                                        + "\"}]}")));
    }

    @Test
    @Order(1)
    void aVagueMonthGetsTheDatePickerWithThePropertysTakenNightsGreyedOut() {
        double offersBefore = count("assistant.booking.offers");

        int flows = sendsOf("flow").size();

        postSigned(Fixtures.textCallback("wamid.funnel-month", "Is Casa Pescarului free next month for 2?"));

        JsonNode flow = awaitInteractive("flow", flows);
        JsonNode parameters = flow.at("/interactive/action/parameters");
        assertThat(parameters.path("flow_id").asText()).isEqualTo("1234567890123");
        assertThat(parameters.path("flow_action").asText()).isEqualTo("navigate");
        assertThat(parameters.path("flow_token").asText())
                .matches("[A-Za-z0-9_-]{24}")
                .doesNotContain(GUEST);
        JsonNode data = parameters.at("/flow_action_payload/data");
        assertThat(parameters.at("/flow_action_payload/screen").asText()).isEqualTo("DATES");
        assertThat(data.path("property").asText()).isEqualTo("Casa Pescarului");
        assertThat(data.path("guests").asText()).isEqualTo("2");
        assertThat(data.path("min_days").asInt()).isEqualTo(2);

        YearMonth next = YearMonth.now(ZoneId.of("Europe/Bucharest")).plusMonths(1);
        List<String> unavailable = new ArrayList<>();
        data.path("unavailable_dates").forEach(d -> unavailable.add(d.asText()));
        List<LocalDate> takenInMonth = takenNights().stream()
                .filter(d -> YearMonth.from(d).equals(next))
                .toList();
        assertThat(data.path("min_date").asText()).isEqualTo(next.atDay(1).toString());
        assertThat(data.path("max_date").asText())
                .isEqualTo(next.atEndOfMonth().plusDays(1).toString());
        assertThat(unavailable)
                .containsAll(takenInMonth.stream().map(LocalDate::toString).toList());
        // a free stretch of the month to pick: three free nights in a row
        LocalDate start = next.atDay(1);
        while (!free(start, 4, unavailable)) {
            start = start.plusDays(1);
        }
        checkIn = start;
        checkOut = start.plusDays(3);
        assertThat(unavailable).doesNotContain(checkIn.toString());
        assertThat(flow.at("/interactive/body/text").asText()).contains("Casa Pescarului");
        assertThat(count("assistant.booking.offers") - offersBefore).isEqualTo(1.0);
    }

    @Test
    @Order(2)
    void thePickedRangeGetsTheAvailabilityAnswerWithABookingButton() throws Exception {
        double linksBefore = count("assistant.booking.links");
        String body = new String(
                        Fixtures.resource("fixtures/bodies/interactive_nfm_reply.json"), StandardCharsets.UTF_8)
                .replace("2027-06-15", checkIn.toString())
                .replace("2027-06-20", checkOut.toString());

        int buttons = sendsOf("cta_url").size();

        postSigned(body.getBytes(StandardCharsets.UTF_8));

        JsonNode button = awaitInteractive("cta_url", buttons);
        String label = button.at("/interactive/action/parameters/display_text").asText();
        trackedLink = button.at("/interactive/action/parameters/url").asText();
        assertThat(label).startsWith("Book ").hasSizeLessThanOrEqualTo(20);
        assertThat(trackedLink).matches("http://localhost:" + port + "/b/[A-Za-z0-9_-]{24}");
        assertThat(button.at("/interactive/body/text").asText())
                .contains("Casa Pescarului")
                .contains("3 nights")
                .doesNotContain("http");
        assertThat(count("assistant.booking.links") - linksBefore).isEqualTo(1.0);
    }

    @Test
    @Order(3)
    void theTrackedLinkRedirectsToTheBookingPageAndCountsItsFirstOpen() throws Exception {
        double opensBefore = count("assistant.booking.link.opens");
        String bookingPage = "https://beds24.com/booking2.php?propid=100101&checkin=" + checkIn + "&checkout="
                + checkOut + "&numadult=2";

        HttpResponse<String> first = open(trackedLink);
        HttpResponse<String> again = open(trackedLink);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).contains(bookingPage);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).contains(bookingPage);
        assertThat(count("assistant.booking.link.opens") - opensBefore).isEqualTo(1.0);
    }

    @Test
    @Order(4)
    void anUnknownOrMalformedTokenGetsTheContactPage() throws Exception {
        for (String path : List.of("/b/AAAAAAAAAAAAAAAAAAAAAAAA", "/b/x", "/b/%27%3Cscript%3E")) {
            HttpResponse<String> answer = open("http://localhost:" + port + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(answer.body())
                    .as(path)
                    .contains("+40 700 000 000")
                    .doesNotContain("Exception")
                    .doesNotContain("<script>");
        }
    }

    @Test
    @Order(5)
    void theButtonsPricingIsCountedOnceUnderItsCategoryAndPerBookingLink() {
        double utilityBefore = meters.counter(
                        "whatsapp.billable.messages", "category", "utility", "pricing_model", "PMP")
                .count();
        long perLinkBefore = meters.get("whatsapp.billable.messages.per.booking.link")
                .summary()
                .count();

        postSigned(status(LINK_WAMID, "sent", "utility"));
        postSigned(status(LINK_WAMID, "delivered", "utility"));

        await().atMost(PATIENCE)
                .until(() -> meters.get("whatsapp.billable.messages.per.booking.link")
                                .summary()
                                .count()
                        > perLinkBefore);
        assertThat(meters.counter("whatsapp.billable.messages", "category", "utility", "pricing_model", "PMP")
                                .count()
                        - utilityBefore)
                .isEqualTo(1.0);
        assertThat(meters.get("whatsapp.billable.messages.per.booking.link")
                                .summary()
                                .count()
                        - perLinkBefore)
                .isEqualTo(1);
        assertThat(meters.get("whatsapp.billable.messages.per.booking.link")
                        .summary()
                        .max())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    @Order(6)
    void theOperatorReadsTheFunnelPerPropertyAndDayWithoutANumber() throws Exception {
        HttpResponse<String> answer = new WebhookClient(managementPort).get("/actuator/funnel?days=7");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode funnel = JSON.readTree(answer.body());
        JsonNode today = null;
        for (JsonNode row : funnel.path("funnel")) {
            if (row.path("property").asText().equals(PROPERTY)
                    && row.path("day")
                            .asText()
                            .equals(LocalDate.now(ZoneId.of("Europe/Bucharest")).toString())) {
                today = row;
            }
        }
        assertThat(today).isNotNull();
        assertThat(today.path("offers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(today.path("links").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(today.path("opens").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(answer.body()).doesNotContain(GUEST).doesNotContain("0752");
        String scrape =
                new WebhookClient(managementPort).get("/actuator/prometheus").body();
        assertThat(scrape)
                .contains("assistant_booking_offers_total{property=\"" + PROPERTY + "\"")
                .contains("assistant_booking_links_total{property=\"" + PROPERTY + "\"")
                .contains("assistant_booking_link_opens_total{property=\"" + PROPERTY + "\"")
                .contains("whatsapp_billable_messages_total{category=\"utility\",pricing_model=\"PMP\"");
    }

    @Test
    @Order(7)
    void everyCtaUrlAndFlowSendHasMetasDocumentedShape() {
        List<JsonNode> sends = List.copyOf(MetaMessageShape.RECEIVED);
        assertThat(sends).extracting(s -> s.at("/interactive/type").asText()).contains("cta_url", "flow");
        assertThat(sends)
                .allSatisfy(send -> assertThat(MetaMessageShape.problems(send))
                        .as(send.toString())
                        .isEmpty());
    }

    private static boolean free(LocalDate start, int days, List<String> unavailable) {
        for (int i = 0; i < days; i++) {
            if (unavailable.contains(start.plusDays(i).toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<LocalDate> takenNights() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        List<LocalDate> nights = new ArrayList<>();
        for (int[] booking : TAKEN) {
            for (int n = 0; n < booking[1]; n++) {
                nights.add(today.plusDays(booking[0] + n));
            }
        }
        return nights;
    }

    private double count(String metric) {
        return Optional.ofNullable(meters.find(metric).tag("property", PROPERTY).counter())
                .map(c -> c.count())
                .orElse(0.0);
    }

    private static List<JsonNode> sendsOf(String type) {
        return CLOUD_API.answerSends().stream()
                .map(CloudApiServer.Send::body)
                .filter(body -> type.equals(body.at("/interactive/type").asText()))
                .toList();
    }

    /** The first message of this type the guest got after {@code before} of them. */
    private static JsonNode awaitInteractive(String type, int before) {
        return await().atMost(PATIENCE)
                .until(() -> sendsOf(type), sends -> sends.size() > before)
                .get(before);
    }

    private void postSigned(byte[] body) {
        assertThat(new WebhookClient(port)
                        .postCallback(body, Fixtures.sign(body))
                        .statusCode())
                .isEqualTo(200);
    }

    private static byte[] status(String wamid, String status, String category) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                        + "\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":\"" + wamid
                        + "\",\"status\":\"" + status
                        + "\",\"timestamp\":\"1795536205\",\"recipient_id\":\"" + GUEST
                        + "\",\"pricing\":{\"billable\":true,"
                        + "\"pricing_model\":\"PMP\",\"category\":\"" + category
                        + "\",\"type\":\"regular\"}}]},\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> open(String url) throws Exception {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
