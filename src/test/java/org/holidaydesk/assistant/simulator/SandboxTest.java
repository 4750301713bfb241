package org.holidaydesk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Development without an access token: replies go to the local sandbox, never to Meta, and the
 * simulator lets a developer write as a guest through the real, signed webhook path: typed messages,
 * taps, samples shaped like the fixtures, and the delivery statuses Meta would report, with each
 * guest's thread and the operator panel read from what the service records.
 */
@ServiceTest
class SandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Where replies would go if the sandbox leaked: it must see nothing (it forgets before each test). */
    static final WireMockServer wireMock = StandIns.Sandbox.cloudApi().server();

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
        JsonNode health = JSON.readTree(
                new WebhookClient(managementPort).get("/actuator/health").body());
        assertThat(health.at("/components/cloudApi/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/cloudApi/details/mode").asText()).isEqualTo("sandbox");
    }

    @Test
    void listsAGuestsSandboxRepliesInOrderForThePage() throws Exception {
        String guest = "40700000202";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "First part.", "wamid.in.202");
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Second part.", "wamid.in.202");
        outbox.enqueueText(
                "40700000299", "40700000299", CloudApiStub.PHONE_NUMBER_ID, "Someone else's.", "wamid.in.299");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));

        HttpResponse<String> response = browser.get("/simulator/messages?guest=" + guest);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode replies = JSON.readTree(response.body());
        assertThat(replies)
                .extracting(reply -> reply.get("text").asText())
                .containsExactly("First part.", "Second part.");
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.get("state").asText()).isEqualTo("SENT");
            assertThat(reply.hasNonNull("deliveredAt")).isTrue();
        });
    }

    @Test
    void listsTheChoicesOfInteractiveRepliesWithTheTextRepliesInOrder() throws Exception {
        String guest = "40700000204";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Hello!", "wamid.in.204");
        outbox.enqueueChoices(
                guest,
                guest,
                CloudApiStub.PHONE_NUMBER_ID,
                "Both are free. Which one?",
                List.of(new Choice("prop_1", "Casa Pescarului"), new Choice("prop_2", "Vila Franceza")),
                null,
                "wamid.in.204");
        outbox.enqueueChoices(
                guest,
                guest,
                CloudApiStub.PHONE_NUMBER_ID,
                "When do you arrive?",
                List.of(
                        new Choice("d1", "Friday", "12 June"), new Choice("d2", "Saturday", "13 June"),
                        new Choice("d3", "Sunday", "14 June"), new Choice("d4", "Monday", null)),
                "See days",
                "wamid.in.204");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));

        JsonNode replies =
                JSON.readTree(browser.get("/simulator/messages?guest=" + guest).body());

        assertThat(replies)
                .extracting(reply -> reply.get("text").asText())
                .containsExactly("Hello!", "Both are free. Which one?", "When do you arrive?");
        assertThat(replies.get(0).has("choices")).isFalse();
        JsonNode buttons = replies.get(1);
        assertThat(buttons.get("choiceType").asText()).isEqualTo("button");
        assertThat(buttons.get("choices"))
                .extracting(c -> c.get("id").asText() + "=" + c.get("title").asText())
                .containsExactly("prop_1=Casa Pescarului", "prop_2=Vila Franceza");
        JsonNode list = replies.get(2);
        assertThat(list.get("choiceType").asText()).isEqualTo("list");
        assertThat(list.get("listButton").asText()).isEqualTo("See days");
        assertThat(list.get("choices"))
                .extracting(c -> c.get("id").asText() + "=" + c.get("title").asText() + "/"
                        + c.path("description").asText("-"))
                .containsExactly("d1=Friday/12 June", "d2=Saturday/13 June", "d3=Sunday/14 June", "d4=Monday/-");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTapOnAReplyButtonArrivesAsTheGuestsInteractiveMessage() throws Exception {
        String guest = "40700000205";
        outbox.enqueueChoices(
                guest,
                guest,
                CloudApiStub.PHONE_NUMBER_ID,
                "Both are free. Which one?",
                List.of(new Choice("prop_1", "Casa Pescarului"), new Choice("prop_2", "Vila Franceza")),
                null,
                "wamid.in.205");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        HttpResponse<String> response = tap(
                "{\"name\":\"Dev Guest\",\"phone\":\"" + guest + "\",\"reply\":" + reply + ",\"choice\":\"prop_2\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("accepted").asBoolean()).isTrue();
        assertThat(await().atMost(PATIENCE).until(() -> storedMessages(guest), stored -> !stored.isEmpty()))
                .containsExactly("INTERACTIVE: Vila Franceza");
        JsonNode message = callbackMessage(
                JSON.readTree(response.body()).at("/messageIds/0").asText());
        assertThat(message.get("type").asText()).isEqualTo("interactive");
        assertThat(message.get("interactive"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"prop_2\",\"title\":\"Vila Franceza\"}}"));
        assertThat(message.at("/context/id").asText()).isEqualTo("sandbox." + reply);
        assertThat(JSON.readTree(response.body()).get("messageIds"))
                .extracting(JsonNode::asText)
                .containsExactly(message.get("id").asText());
    }

    @Test
    void aTapOnAListRowArrivesWithItsDescription() throws Exception {
        String guest = "40700000206";
        outbox.enqueueChoices(
                guest,
                guest,
                CloudApiStub.PHONE_NUMBER_ID,
                "Free from 15 to 20 June for 2:",
                List.of(
                        new Choice("prop_1", "Casa Pescarului", "Sulina, river view"),
                                new Choice("prop_2", "Vila Franceza", "2 rooms, garden"),
                        new Choice("prop_3", "Casa Verde", null), new Choice("prop_4", "Pensiunea Delta", null)),
                "See properties",
                "wamid.in.206");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        HttpResponse<String> response =
                tap("{\"phone\":\"" + guest + "\",\"reply\":" + reply + ",\"choice\":\"prop_2\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(await().atMost(PATIENCE).until(() -> storedMessages(guest), stored -> !stored.isEmpty()))
                .containsExactly("INTERACTIVE: Vila Franceza");
        assertThat(callbackMessage(JSON.readTree(response.body())
                                .at("/messageIds/0")
                                .asText())
                        .get("interactive"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"type\":\"list_reply\","
                                        + "\"list_reply\":{\"id\":\"prop_2\",\"title\":\"Vila Franceza\",\"description\":\"2 rooms, garden\"}}"));
    }

    @Test
    void refusesATapOnAChoiceTheReplyDidNotOffer() {
        String guest = "40700000207";
        outbox.enqueueChoices(
                guest,
                guest,
                CloudApiStub.PHONE_NUMBER_ID,
                "Which one?",
                List.of(new Choice("prop_1", "Casa Pescarului"), new Choice("prop_2", "Vila Franceza")),
                null,
                "wamid.in.207");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        assertThat(tap("{\"phone\":\"" + guest + "\",\"reply\":" + reply + ",\"choice\":\"prop_9\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(tap("{\"phone\":\"40700000299\",\"reply\":" + reply + ",\"choice\":\"prop_1\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(tap("{\"phone\":\"" + guest + "\",\"choice\":\"prop_1\"}").statusCode())
                .isEqualTo(400);
        assertThat(tap("not json").statusCode()).isEqualTo(400);
        assertThat(storedMessages(guest)).isEmpty();
    }

    @Test
    void aMessageTypedInTheSimulatorArrivesThroughTheSignedWebhook() throws Exception {
        String guest = "40700000203";

        HttpResponse<String> response =
                browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/simulator/messages"))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"Dev Guest\",\"phone\":\"+40 700 000 203\",\"text\":\"Is Casa Pescarului free in June?\"}"))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("guest").asText()).isEqualTo(guest);
        List<String> stored = await().atMost(PATIENCE)
                .until(
                        () -> jdbc.queryForList(
                                "SELECT body FROM guest_message WHERE guest_id = ?", String.class, guest),
                        bodies -> !bodies.isEmpty());
        assertThat(stored).containsExactly("Is Casa Pescarului free in June?");
        String messageId = answer.at("/messageIds/0").asText();
        assertThat(messageId).startsWith("wamid.sandbox.");
        assertThat(callbackMessage(messageId).at("/text/body").asText()).isEqualTo("Is Casa Pescarului free in June?");
    }

    @Test
    void servesTheSimulatorPageWithoutEchoingRequestHeaders() {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/simulator"))
                .header("X-Echo-Probe", "should-not-come-back")
                .GET()
                .build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
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
        return jdbc.queryForList(
                "SELECT kind || ': ' || COALESCE(body, '-') FROM guest_message WHERE guest_id = ? ORDER BY received_at",
                String.class,
                guest);
    }

    /** The message {@code messageId} as the webhook stored it, in the signed callback that carried it. */
    private JsonNode callbackMessage(String messageId) throws Exception {
        for (JsonNode callback : storedCallbacks()) {
            for (JsonNode message : callback.at("/entry/0/changes/0/value/messages")) {
                if (message.path("id").asText().equals(messageId)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no stored callback carries " + messageId);
    }

    /** Every signed callback the webhook stored, newest first. */
    private List<JsonNode> storedCallbacks() throws Exception {
        List<JsonNode> callbacks = new java.util.ArrayList<>();
        for (byte[] payload : jdbc.queryForList(
                "SELECT payload FROM inbox WHERE signature IS NOT NULL ORDER BY id DESC", byte[].class)) {
            callbacks.add(JSON.readTree(payload));
        }
        return callbacks;
    }

    @Test
    void refusesAPhoneThatIsNotANumber() {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        URI.create(browser.baseUrl() + "/simulator/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"phone\":\"call me\",\"text\":\"hi\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("phone");
    }

    // ---- delivery statuses ----

    @Test
    void aReplyTheSandboxTookIsReportedSentThenDeliveredThroughTheSignedWebhook() throws Exception {
        String guest = "40700000210";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Your answer.", "wamid.sandbox.in.210");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();

        await().atMost(PATIENCE).until(() -> replyStatus(guest, reply), "delivered"::equals);

        assertThat(jdbc.queryForList(
                        "SELECT status FROM message_status WHERE wamid = ? ORDER BY received_at",
                        String.class,
                        "sandbox." + reply))
                .containsExactly("sent", "delivered");
        JsonNode status = storedCallbacks().stream()
                .map(c -> c.at("/entry/0/changes/0/value/statuses/0"))
                .filter(s -> s.path("id").asText().equals("sandbox." + reply)
                        && s.path("status").asText().equals("sent"))
                .findFirst()
                .orElseThrow();
        assertThat(status.path("recipient_id").asText()).isEqualTo(guest);
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void aReplyToAMessageTheSimulatorDidNotSendGetsNoStatus() {
        String guest = "40700000218";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Not a sandbox guest's.", "wamid.in.218");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        String sandboxGuest = "40700000219";
        outbox.enqueueText(
                sandboxGuest, sandboxGuest, CloudApiStub.PHONE_NUMBER_ID, "A sandbox guest's.", "wamid.sandbox.in.219");
        await().atMost(PATIENCE).until(() -> rows.allIn(sandboxGuest, "SENT"));
        long sandboxReply = rows.to(sandboxGuest).get(0).id();

        // statuses are played one delivery after the other: once the later reply's are in, the earlier one's would be
        await().atMost(PATIENCE).until(() -> replyStatus(sandboxGuest, sandboxReply), "delivered"::equals);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM message_status WHERE wamid = ?",
                        Integer.class,
                        "sandbox." + rows.to(guest).get(0).id()))
                .isZero();
    }

    @Test
    void repliesTheGuestsPhoneShowsAreReportedReadOnce() throws Exception {
        String guest = "40700000211";
        outbox.enqueueText(guest, guest, CloudApiStub.PHONE_NUMBER_ID, "Read me.", "wamid.sandbox.in.211");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        long reply = rows.to(guest).get(0).id();
        await().atMost(PATIENCE).until(() -> replyStatus(guest, reply), "delivered"::equals);

        HttpResponse<String> read =
                post("/simulator/reads", "{\"phone\":\"" + guest + "\",\"replies\":[" + reply + "]}");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("webhookStatuses"))
                .extracting(JsonNode::asInt)
                .containsExactly(200);
        await().atMost(PATIENCE).until(() -> replyStatus(guest, reply), "read"::equals);
        HttpResponse<String> again =
                post("/simulator/reads", "{\"phone\":\"" + guest + "\",\"replies\":[" + reply + "]}");
        assertThat(JSON.readTree(again.body()).get("webhookStatuses")).isEmpty();
        HttpResponse<String> someoneElses =
                post("/simulator/reads", "{\"phone\":\"40700000298\",\"replies\":[" + reply + "]}");
        assertThat(JSON.readTree(someoneElses.body()).get("webhookStatuses")).isEmpty();
    }

    // ---- guests ----

    @Test
    void aUsernameOnlyGuestWritesByUserIdAloneAndIsAnsweredAtIt() throws Exception {
        String userId = "RO.7700000000000212";

        HttpResponse<String> response = post(
                "/simulator/messages",
                "{\"name\":\"Ioana Stan\",\"userId\":\"" + userId + "\",\"text\":\"Hello there\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("guest").asText()).isEqualTo(userId);
        JsonNode message = callbackMessage(answer.at("/messageIds/0").asText());
        assertThat(message.has("from")).isFalse();
        assertThat(message.get("from_user_id").asText()).isEqualTo(userId);
        await().atMost(PATIENCE)
                .until(() -> rows.allIn(userId, "SENT")
                        && rows.to(userId).stream().anyMatch(r -> r.kind().equals(Outbox.TEXT)));
        JsonNode thread = thread(userId);
        assertThat(thread.get("items")).extracting(i -> i.get("from").asText()).startsWith("guest", "business");
        assertThat(thread.at("/items/0/text").asText()).isEqualTo("Hello there");
        assertThat(post("/simulator/messages", "{\"userId\":\"not an id\",\"text\":\"hi\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/simulator/messages", "{\"name\":\"Nobody\",\"text\":\"hi\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void listsTheGuestsTheServiceKnowsWithTheirUserIds() throws Exception {
        String phone = "40700000213";
        String userId = "RO.7700000000000213";
        post(
                "/simulator/messages",
                "{\"name\":\"Mihai Ionescu\",\"phone\":\"" + phone + "\",\"userId\":\"" + userId
                        + "\",\"text\":\"Hi\"}");

        JsonNode guest = await().atMost(PATIENCE)
                .until(
                        () -> guestListed(phone),
                        g -> g != null && !g.path("userId").isNull());

        assertThat(guest.get("name").asText()).isEqualTo("Mihai Ionescu");
        assertThat(guest.get("phone").asText()).isEqualTo(phone);
        assertThat(guest.get("userId").asText()).isEqualTo(userId);
    }

    // ---- samples ----

    @Test
    void samplesSendTheFixturesShapesFromTheGuest() throws Exception {
        String phone = "40700000214";
        String guest = "{\"name\":\"Sample Guest\",\"phone\":\"" + phone + "\",\"userId\":\"RO.7700000000000214\"";

        JsonNode voice = sample(guest, "voice");
        JsonNode image = sample(guest, "image");
        JsonNode burst = sample(guest, "burst");
        JsonNode duplicate = sample(guest, "duplicate");
        JsonNode userIdOnly = sample(guest, "user-id-only");

        assertThat(callbackMessage(voice.at("/messageIds/0").asText())
                        .at("/audio/voice")
                        .asBoolean())
                .isTrue();
        assertThat(callbackMessage(image.at("/messageIds/0").asText())
                        .at("/image/caption")
                        .asText())
                .isEqualTo("Is this room free on Friday?");
        assertThat(burst.get("messageIds")).hasSize(3);
        assertThat(duplicate.get("webhookStatuses")).extracting(JsonNode::asInt).containsExactly(200, 200);
        JsonNode byUserId = callbackMessage(userIdOnly.at("/messageIds/0").asText());
        assertThat(byUserId.has("from")).isFalse();
        assertThat(byUserId.get("from_user_id").asText()).isEqualTo("RO.7700000000000214");

        List<String> stored = await().atMost(PATIENCE).until(() -> storedMessages(phone), m -> m.size() == 7);
        assertThat(stored)
                .containsExactlyInAnyOrder(
                        "AUDIO: -",
                        "IMAGE: Is this room free on Friday?",
                        "TEXT: hi",
                        "TEXT: we are 2",
                        "TEXT: from the 12th to the 15th?",
                        "TEXT: Is Vila Franceza free this weekend for 4?",
                        "TEXT: Do you have anything this weekend?");
        assertThat(post("/simulator/samples", guest + ",\"sample\":\"fax\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/simulator/samples", "{\"phone\":\"40700000215\",\"sample\":\"user-id-only\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    // ---- the operator panel ----

    @Test
    void thePanelShowsWhichAgentAnsweredWhyTheToolsItCalledAndEachStagesTime() throws Exception {
        String guest = "40700000216";
        post(
                "/simulator/messages",
                "{\"name\":\"Panel Guest\",\"phone\":\"" + guest
                        + "\",\"text\":\"Is Casa Pescarului available next month for 2?\"}");

        JsonNode turn = await().atMost(PATIENCE)
                .until(
                        () -> panel(guest).at("/turns/0"),
                        t -> !t.isMissingNode() && t.path("after").toString().contains("Meta: delivered"));

        assertThat(turn.get("agent").asText()).isEqualTo("offline");
        assertThat(turn.get("reason").asText()).contains("No OPENAI_API_KEY");
        assertThat(turn.get("messages").asInt()).isEqualTo(1);
        assertThat(turn.get("stages"))
                .extracting(stage -> stage.get("stage").asText())
                .contains(
                        "waiting (for a worker)",
                        "messages and read receipts",
                        "offline agent",
                        "queue the reply",
                        "whole turn");
        assertThat(turn.get("tools")).extracting(t -> t.get("tool").asText()).contains("list_properties");
        JsonNode availability = java.util.stream.StreamSupport.stream(
                        turn.get("tools").spliterator(), false)
                .filter(t -> !t.get("tool").asText().equals("list_properties"))
                .findFirst()
                .orElseThrow();
        assertThat(availability.get("by").asText()).isEqualTo("offline");
        assertThat(availability.at("/arguments/property").asText()).isEqualTo("Casa Pescarului");
        assertThat(availability.get("result").isObject()).isTrue();
        assertThat(panel(guest).at("/remembers/request/property").asText()).isEqualTo("Casa Pescarului");
        assertThat(panel(guest).get("deadLetters")).isEmpty();
    }

    @Test
    void theThreadShowsTheGuestsMessagesOnceAndReadOnceTheirReadReceiptWentOut() throws Exception {
        String guest = "40700000217";
        JsonNode sent = sample("{\"name\":\"Thread Guest\",\"phone\":\"" + guest + "\"", "duplicate");
        String messageId = sent.at("/messageIds/0").asText();

        JsonNode thread = await().atMost(PATIENCE)
                .until(
                        () -> thread(guest),
                        t -> t.get("items").size() >= 2
                                && t.at("/items/0/ticks").asText().equals("read"));

        assertThat(thread.at("/items/0/id").asText()).isEqualTo(messageId);
        assertThat(thread.get("items")).extracting(i -> i.get("from").asText()).containsExactly("guest", "business");
        assertThat(thread.at("/items/1/text").asText()).isNotBlank();
    }

    private JsonNode sample(String guestFields, String sample) throws Exception {
        HttpResponse<String> response = post("/simulator/samples", guestFields + ",\"sample\":\"" + sample + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asBoolean()).isTrue();
        return answer;
    }

    private String replyStatus(String guest, long reply) throws Exception {
        for (JsonNode item :
                JSON.readTree(browser.get("/simulator/messages?guest=" + guest).body())) {
            if (item.get("id").asLong() == reply) {
                return item.path("status").asText(null);
            }
        }
        return null;
    }

    private JsonNode thread(String guest) throws Exception {
        return JSON.readTree(browser.get("/simulator/thread?guest=" + guest).body());
    }

    private JsonNode panel(String guest) throws Exception {
        return JSON.readTree(browser.get("/simulator/panel?guest=" + guest).body());
    }

    private JsonNode guestListed(String id) throws Exception {
        for (JsonNode guest : JSON.readTree(browser.get("/simulator/guests").body())) {
            if (guest.get("id").asText().equals(id)) {
                return guest;
            }
        }
        return null;
    }

    private HttpResponse<String> post(String path, String body) {
        return browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
