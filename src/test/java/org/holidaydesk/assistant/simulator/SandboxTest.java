package org.holidaydesk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Development without an access token: replies go to the local sandbox, never to Meta, and the
 * simulator lets a developer write as a guest through the real, signed webhook path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
        "WHATSAPP_VERIFY_TOKEN=dev-fixture-verify-token",
        "MANAGEMENT_PORT=0",
        "DATABASE_URL=jdbc:h2:mem:reply-sandbox;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "assistant.reply.poll-interval=50"
})
@DirtiesContext
class SandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Where replies would go if the sandbox leaked: it must see nothing. */
    @RegisterExtension
    static WireMockExtension wireMock = CloudApiStub.extension();

    @DynamicPropertySource
    static void cloudApi(DynamicPropertyRegistry registry) {
        registry.add("WHATSAPP_API_BASE_URL", wireMock::baseUrl);
    }

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebhookClient browser;
    OutboxRows rows;

    @BeforeEach
    void connect() {
        browser = new WebhookClient(port);
        rows = new OutboxRows(jdbc);
    }

    @Test
    void deliversRepliesToTheSandboxWithoutReachingMeta() throws Exception {
        String guest = "40700000201";

        outbox.enqueueReadReceipt(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "wamid.in.201");
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "A sandbox answer.", "wamid.in.201");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        assertThat(rows.to(guest)).allSatisfy(row -> assertThat(row.sentWamid()).isEqualTo("sandbox." + row.id()));
        assertThat(wireMock.getAllServeEvents()).isEmpty();
        JsonNode health = JSON.readTree(new WebhookClient(managementPort).get("/actuator/health").body());
        assertThat(health.at("/components/cloudApi/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/cloudApi/details/mode").asText()).isEqualTo("sandbox");
    }

    @Test
    void listsAGuestsSandboxRepliesInOrderForThePage() throws Exception {
        String guest = "40700000202";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "First part.", "wamid.in.202");
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Second part.", "wamid.in.202");
        outbox.enqueueText("40700000299", "40700000299", CloudApiStub.PHONE_NUMBER_ID, "Someone else's.", "wamid.in.299");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));

        HttpResponse<String> response = browser.get("/simulator/messages?guest=" + guest);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode replies = JSON.readTree(response.body());
        assertThat(replies).extracting(reply -> reply.get("text").asText()).containsExactly("First part.", "Second part.");
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.get("state").asText()).isEqualTo("SENT");
            assertThat(reply.hasNonNull("deliveredAt")).isTrue();
        });
    }

    @Test
    void listsTheChoicesOfInteractiveRepliesWithTheTextRepliesInOrder() throws Exception {
        String guest = "40700000204";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Hello!", "wamid.in.204");
        outbox.enqueueChoices(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Both are free. Which one?",
                List.of(new Choice("prop_1", "Casa Pescarului"), new Choice("prop_2", "Vila Franceza")), null, "wamid.in.204");
        outbox.enqueueChoices(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "When do you arrive?", List.of(
                new Choice("d1", "Friday", "12 June"), new Choice("d2", "Saturday", "13 June"),
                new Choice("d3", "Sunday", "14 June"), new Choice("d4", "Monday", null)), "See days", "wamid.in.204");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));

        JsonNode replies = JSON.readTree(browser.get("/simulator/messages?guest=" + guest).body());

        assertThat(replies).extracting(reply -> reply.get("text").asText())
                .containsExactly("Hello!", "Both are free. Which one?", "When do you arrive?");
        assertThat(replies.get(0).has("choices")).isFalse();
        JsonNode buttons = replies.get(1);
        assertThat(buttons.get("choiceType").asText()).isEqualTo("button");
        assertThat(buttons.get("choices")).extracting(c -> c.get("id").asText() + "=" + c.get("title").asText())
                .containsExactly("prop_1=Casa Pescarului", "prop_2=Vila Franceza");
        JsonNode list = replies.get(2);
        assertThat(list.get("choiceType").asText()).isEqualTo("list");
        assertThat(list.get("listButton").asText()).isEqualTo("See days");
        assertThat(list.get("choices")).extracting(c -> c.get("id").asText() + "=" + c.get("title").asText() + "/"
                + c.path("description").asText("-")).containsExactly("d1=Friday/12 June", "d2=Saturday/13 June",
                "d3=Sunday/14 June", "d4=Monday/-");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTapOnAReplyButtonArrivesAsTheGuestsInteractiveMessage() throws Exception {
        String guest = "40700000205";
        outbox.enqueueChoices(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Both are free. Which one?",
                List.of(new Choice("prop_1", "Casa Pescarului"), new Choice("prop_2", "Vila Franceza")), null, "wamid.in.205");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        HttpResponse<String> response = tap("{\"name\":\"Dev Guest\",\"phone\":\"" + guest + "\",\"reply\":" + reply
                + ",\"choice\":\"prop_2\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("accepted").asBoolean()).isTrue();
        assertThat(await().atMost(PATIENCE).until(() -> storedMessages(guest), stored -> !stored.isEmpty()))
                .containsExactly("INTERACTIVE: Vila Franceza");
        JsonNode message = lastCallbackMessage();
        assertThat(message.get("type").asText()).isEqualTo("interactive");
        assertThat(message.get("interactive")).isEqualTo(JSON.readTree(
                "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"prop_2\",\"title\":\"Vila Franceza\"}}"));
        assertThat(message.at("/context/id").asText()).isEqualTo("sandbox." + reply);
    }

    @Test
    void aTapOnAListRowArrivesWithItsDescription() throws Exception {
        String guest = "40700000206";
        outbox.enqueueChoices(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Free from 15 to 20 June for 2:", List.of(
                new Choice("prop_1", "Casa Pescarului", "Sulina, river view"), new Choice("prop_2", "Vila Franceza", "2 rooms, garden"),
                new Choice("prop_3", "Casa Verde", null), new Choice("prop_4", "Pensiunea Delta", null)),
                "See properties", "wamid.in.206");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        HttpResponse<String> response = tap("{\"phone\":\"" + guest + "\",\"reply\":" + reply + ",\"choice\":\"prop_2\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(await().atMost(PATIENCE).until(() -> storedMessages(guest), stored -> !stored.isEmpty()))
                .containsExactly("INTERACTIVE: Vila Franceza");
        assertThat(lastCallbackMessage().get("interactive")).isEqualTo(JSON.readTree("{\"type\":\"list_reply\","
                + "\"list_reply\":{\"id\":\"prop_2\",\"title\":\"Vila Franceza\",\"description\":\"2 rooms, garden\"}}"));
    }

    @Test
    void refusesATapOnAChoiceTheReplyDidNotOffer() {
        String guest = "40700000207";
        outbox.enqueueChoices(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Which one?",
                List.of(new Choice("prop_1", "Casa Pescarului"), new Choice("prop_2", "Vila Franceza")), null, "wamid.in.207");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        assertThat(tap("{\"phone\":\"" + guest + "\",\"reply\":" + reply + ",\"choice\":\"prop_9\"}").statusCode())
                .isEqualTo(400);
        assertThat(tap("{\"phone\":\"40700000299\",\"reply\":" + reply + ",\"choice\":\"prop_1\"}").statusCode())
                .isEqualTo(400);
        assertThat(tap("{\"phone\":\"" + guest + "\",\"choice\":\"prop_1\"}").statusCode()).isEqualTo(400);
        assertThat(tap("not json").statusCode()).isEqualTo(400);
        assertThat(storedMessages(guest)).isEmpty();
    }

    @Test
    void aMessageTypedInTheSimulatorArrivesThroughTheSignedWebhook() throws Exception {
        String guest = "40700000203";

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/simulator/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Dev Guest\",\"phone\":\"+40 700 000 203\",\"text\":\"Is Casa Pescarului free in June?\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("guest").asText()).isEqualTo(guest);
        List<String> stored = await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                "SELECT body FROM guest_message WHERE guest_id = ?", String.class, guest), bodies -> !bodies.isEmpty());
        assertThat(stored).containsExactly("Is Casa Pescarului free in June?");
        byte[] payload = jdbc.queryForObject("SELECT payload FROM inbox WHERE signature IS NOT NULL ORDER BY id DESC LIMIT 1",
                byte[].class);
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"object\":\"whatsapp_business_account\"")
                .contains("wamid.sandbox.");
    }

    @Test
    void servesTheSimulatorPageWithoutEchoingRequestHeaders() {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/simulator"))
                .header("X-Echo-Probe", "should-not-come-back").GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<form").contains("/simulator/messages");
        assertThat(page.headers().firstValue("X-Echo-Probe")).isEmpty();
    }

    private HttpResponse<String> tap(String body) {
        return browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/simulator/taps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private List<String> storedMessages(String guest) {
        return jdbc.queryForList("SELECT kind || ': ' || body FROM guest_message WHERE guest_id = ? ORDER BY received_at",
                String.class, guest);
    }

    /** The message of the newest signed callback the webhook stored. */
    private JsonNode lastCallbackMessage() throws Exception {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM inbox WHERE signature IS NOT NULL ORDER BY id DESC LIMIT 1",
                byte[].class);
        return JSON.readTree(payload).at("/entry/0/changes/0/value/messages/0");
    }

    @Test
    void refusesAPhoneThatIsNotANumber() {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/simulator/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"phone\":\"call me\",\"text\":\"hi\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("phone");
    }
}
