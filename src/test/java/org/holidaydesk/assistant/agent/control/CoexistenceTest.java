package org.holidaydesk.assistant.agent.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ModelServiceTest;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The number shared with Meta Business Agent and the WhatsApp Business app, end to end: Meta's signed callbacks
 * (the bodies of {@code fixtures/bodies}, shaped as Meta's webhook reference shows them, with each test's own guest,
 * ids and times) through the real pipeline, the model and Mem0 played by WireMock, the Cloud API by WireMock. The
 * model agent's settings, as {@code ModelAgentTest} runs them.
 */
@ModelServiceTest
class CoexistenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String FIXTURE_GUEST = "40752601815";
    private static final String FIXTURE_USER_ID = "RO.9083016613186091";
    private static final String FIXTURE_MESSAGE = "wamid.npAWA3+EJnwujMLUX8zQls8Fri7FXENDvJwsSAwB";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    /** The message the owner's echoed edit and revoke name. */
    private static final String OWNER_MESSAGE = "wamid.HBgLNDA3NTI2MDE4MTUVAgARGBJBODcxMkQ0RDg1QjQ1RkRCMEEA";

    private static final int WEBHOOK_PORT = StandIns.Model.webhookPort();
    private static final AtomicInteger IDS = new AtomicInteger();

    static final OpenAiStub model = StandIns.Model.model();
    static final CloudApiServer cloudApi = StandIns.Model.cloudApi();

    @Autowired
    JdbcTemplate jdbc;

    @LocalManagementPort
    int managementPort;

    // ---- Meta Business Agent holds a conversation: standby, handovers, an operator's takeover ----

    @Test
    void aStandbyMessageIsNotAnsweredAndIsInTheModelsContextWhenControlComesBack() {
        String guest = "40700500001";
        String standbyId = nextId("standby");
        model.answer("marker-back-1", "Yes, and the parking is free.");

        deliver(
                "standby_message",
                guest,
                standbyId,
                "wamid.HBgLNDA3NTI2MDE4MTUVAgASGBQzQTk1QzREQjYwMjM4M0M5RTRFNwA=",
                ago(60));
        deliver(
                "standby_echo",
                guest,
                nextId("echo"),
                "wamid.HBgLNDA3NTI2MDE4MTUVAgARGBIzRTA4QUQyQzk1RjY0RTM3MEIA",
                ago(50));

        await().atMost(PATIENCE).until(() -> state(standbyId) != null);
        assertThat(state(standbyId)).isEqualTo("IGNORED");
        assertThat(holder(guest)).isEqualTo("other");
        assertThat(outboxRows(guest))
                .as("no read receipt, no answer: Meta Business Agent answers this guest")
                .isZero();

        deliver("handover_control_passed", guest, null, null, ago(30));
        await().atMost(PATIENCE).until(() -> "app".equals(holder(guest)));
        say(guest, "Can we also bring a bike? marker-back-1");

        assertThat(repliesTo(guest, 1)).containsExactly("Yes, and the parking is free.");
        String request = model.requests("marker-back-1").get(0).toString();
        assertThat(request)
                .contains(
                        "Do you have parking at Vila Franceza?",
                        "free parking for two cars",
                        "asked about parking at Vila Franceza");
        assertThat(metrics())
                .contains(
                        "assistant_thread_control_total{event=\"standby_message\"}",
                        "assistant_thread_control_total{event=\"control_passed\"}");
    }

    @Test
    void aHandoverChangesWhoAnswersAndAnOperatorTakesTheConversationBack() {
        String guest = "40700500002";
        say(guest, "Hello there marker-take-1");
        assertThat(repliesTo(guest, 1)).hasSize(1);

        deliver("handover_control_taken", guest, null, null, Instant.now());
        await().atMost(PATIENCE).until(() -> "escalation".equals(holder(guest)));
        String quiet = nextId("quiet");
        sayWithId(guest, quiet, "Are you still there? marker-take-2");
        await().atMost(PATIENCE).until(() -> "ANSWERED".equals(state(quiet)));
        assertThat(answers(guest)).as("the other responder answers now").hasSize(1);

        assertThat(operator("POST", "/actuator/guests/" + guest + "/takeover", null)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> takeover =
                operator("POST", "/actuator/guests/" + guest + "/takeover", "test-operator-token");
        assertThat(takeover.statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !threadControlRequests(guest).isEmpty());
        JsonNode take = threadControlRequests(guest).get(0);
        assertThat(take.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(take.path("action").asText()).isEqualTo("take");
        assertThat(holder(guest)).isEqualTo("app");

        model.answer("marker-take-3", "Yes, I am here.");
        say(guest, "Hello again marker-take-3");
        assertThat(repliesTo(guest, 2)).last().isEqualTo("Yes, I am here.");
        assertThat(model.requests("marker-take-3").get(0).toString())
                .as("the held words")
                .contains("marker-take-2");
        assertThat(operator("POST", "/actuator/guests/40700599999/takeover", "test-operator-token")
                        .statusCode())
                .isEqualTo(404);
        assertThat(metrics())
                .contains(
                        "assistant_thread_control_total{event=\"takeover\"}",
                        "assistant_thread_control_total{event=\"control_taken\"}");
    }

    // ---- edits and revokes ----

    @Test
    void anEditBeforeTheAnswerGetsOneReplyForTheEditedWords() {
        String guest = "40700500003";
        String original = nextId("edit");
        var late = model.answerLate("free 10-15 July? marker-edit-1", "Vila Franceza is free 10-15 July.", 1500);
        model.answer("free 12-15 July? marker-edit-1", "Vila Franceza is free 12-15 July.");

        sayWithId(guest, original, "Is Vila Franceza free 10-15 July? marker-edit-1");
        await().atMost(PATIENCE)
                .until(() -> model.requests("free 10-15 July? marker-edit-1").size() == 1);
        deliver(
                "edit_text",
                guest,
                nextId("edit"),
                "wamid.HBgLNDA3NTI2MDE4MTUVAgASGBQzQUJFRDE2QjYwRUM5RjA4NkNFQQA=",
                Instant.now(),
                "Hello, do you have a room for 2 from June 16 to June 20?",
                "Is Vila Franceza free 12-15 July? marker-edit-1",
                FIXTURE_MESSAGE,
                original);

        assertThat(repliesTo(guest, 1)).containsExactly("Vila Franceza is free 12-15 July.");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> answers(guest).size() == 1);
        model.heal(late);
    }

    @Test
    void anEditAfterTheAnswerStartsATurnThatReadsTheCorrectionAndTheMemoryKeepsTheEditedWords() {
        String guest = "40700500004";
        String original = nextId("edit");
        sayWithId(guest, original, "Is Vila Franceza free 10-15 July? marker-edit-2");
        assertThat(repliesTo(guest, 1)).containsExactly("Noted, thank you.");
        model.answerBefore("it now reads", "You changed the dates to 12-15 July: Vila Franceza is free then.");

        deliver(
                "edit_text",
                guest,
                nextId("edit"),
                "wamid.HBgLNDA3NTI2MDE4MTUVAgASGBQzQUJFRDE2QjYwRUM5RjA4NkNFQQA=",
                Instant.now(),
                "Hello, do you have a room for 2 from June 16 to June 20?",
                "Is Vila Franceza free 12-15 July? marker-edit-2",
                FIXTURE_MESSAGE,
                original);

        assertThat(repliesTo(guest, 2))
                .last()
                .isEqualTo("You changed the dates to 12-15 July: Vila Franceza is free then.");
        List<JsonNode> requests = model.requests("marker-edit-2");
        String correction = requests.get(requests.size() - 1).toString();
        assertThat(correction).contains("it now reads", "12-15 July").doesNotContain("10-15 July");
        assertThat(memory(guest)).contains("12-15 July").doesNotContain("10-15 July");
    }

    @Test
    void aRevokedMessageIsNeverAnsweredLeavesTheMemoryAndItsMem0MemoriesGo() {
        String guest = "40700500005";
        // revoked while its turn ran: no answer, nothing to Mem0
        String first = nextId("revoke");
        var late = model.answerLate("marker-revoke-1", "About your plan...", 1500);
        sayWithId(guest, first, "Here is my secret plan marker-revoke-1");
        await().atMost(PATIENCE).until(() -> model.requests("marker-revoke-1").size() == 1);
        revoke(guest, first);
        await().atMost(PATIENCE).until(() -> "REVOKED".equals(state(first)));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> answers(guest).isEmpty());
        model.heal(late);

        // revoked after its answer: gone from the next request, its Mem0 memories erased
        String second = nextId("revoke");
        sayWithId(guest, second, "My passport number is 123 marker-revoke-2");
        assertThat(repliesTo(guest, 1)).hasSize(1);
        await().atMost(PATIENCE).until(() -> mem0Adds("marker-revoke-2").size() == 1);
        assertThat(mem0Adds("marker-revoke-2").get(0).at("/metadata/turn").asText())
                .isEqualTo(second);
        revoke(guest, second);
        await().atMost(PATIENCE)
                .until(() -> !mem0().findAll(deleteRequestedFor(urlPathEqualTo("/v1/memories/"))
                                .withQueryParam(
                                        "metadata[turn]",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(second)))
                        .isEmpty());

        model.answer("marker-revoke-3", "Sure.");
        say(guest, "Anything else? marker-revoke-3");
        assertThat(repliesTo(guest, 2)).last().isEqualTo("Sure.");
        String next = model.requests("marker-revoke-3").get(0).toString();
        assertThat(next).doesNotContain("marker-revoke-2", "marker-revoke-1");
        assertThat(mem0Adds("marker-revoke-1")).isEmpty();
    }

    @Test
    void theOwnersEchoedEditAndRevokeChangeThePersonsWordsInTheConversation() {
        String guest = "40700500006";
        say(guest, "When is check-in? marker-echo-1");
        assertThat(repliesTo(guest, 1)).hasSize(1);
        String sent = nextId("owner");
        personWrites(guest, sent, "Check-in is from 14:00.");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(memory(guest)).contains("Check-in is from 14:00."));

        deliver(
                "echo_edit",
                guest,
                nextId("echo-edit"),
                "wamid.HBgLNDA3NTI2MDE4MTUVAgARGBI5QjBGMjc0RTMxQUZBNDYxRUQA",
                Instant.now(),
                "Check-in is from 15:00, not 14:00.",
                "Check-in is from 15:00.",
                OWNER_MESSAGE,
                sent);
        await().atMost(PATIENCE).until(() -> memory(guest).contains("Check-in is from 15:00."));
        assertThat(memory(guest)).doesNotContain("14:00");

        deliver(
                "echo_revoke",
                guest,
                nextId("echo-revoke"),
                "wamid.HBgLNDA3NTI2MDE4MTUVAgARGBJDMjk4RjQ0QjAwN0I1RjkzNTgA",
                Instant.now(),
                OWNER_MESSAGE,
                sent);
        await().atMost(PATIENCE).until(() -> !memory(guest).contains("Check-in is from 15:00."));
        assertThat(memory(guest)).contains("marker-echo-1");
    }

    // ---- a guest's new user id ----

    @Test
    void aConversationBegunUnderTheOldUserIdGoesOnUnderTheNewOneAndAHeldReplyGoesThere() {
        String oldId = "US.10000000000000000001";
        String newId = "US.20000000000000000002";
        // Meta refuses replies to the old id for now: the reply is held for another try
        cloudApi.server()
                .stubFor(post(urlPathMatching("/v\\d+\\.\\d+/[^/]+/messages"))
                        .atPriority(1)
                        .withRequestBody(containing("\"to\":\"" + oldId + "\""))
                        .willReturn(aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody(new String(
                                        Fixtures.resource("fixtures/graph-responses/error-131000.json"),
                                        StandardCharsets.UTF_8))));
        mem0().stubFor(get(urlPathEqualTo("/v1/memories/"))
                .withQueryParam("user_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(oldId))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":\"m-1\",\"memory\":\"Travels with a bike\"}]")));
        model.answer("marker-id-1", "Happy to help with your bike.");

        sayByUserId(oldId, "We travel with a bike marker-id-1");
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND kind = 'text'"
                                        + " AND attempts > 0",
                                Integer.class,
                                oldId)
                        > 0);
        // the conversation's count of billable messages (funnel.BillableMessages) keys the guest too
        jdbc.update(
                "INSERT INTO billing_conversation (guest_id, started_at, last_billed_at, billable_messages, since_link)"
                        + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3, 3)",
                oldId);

        deliver(
                "user_changed_user_id",
                "",
                nextId("system"),
                "wamid.HBgLVVMxMzQ5MTIwODY1NRUCABIYFDNBNzc2RjlCRjQ1NTM0QjlGMDAA",
                Instant.now(),
                "US.13491208655302741918",
                oldId,
                "US.20561733890145528204",
                newId);

        assertThat(repliesTo(newId, 1)).containsExactly("Happy to help with your bike.");
        assertThat(rows("chat_memory", oldId)).isZero();
        assertThat(rows("chat_memory", newId)).isOne();
        assertThat(rows("billing_conversation", oldId)).isZero();
        assertThat(rows("billing_conversation", newId)).isOne();
        model.answer("marker-id-2", "See you soon.");
        sayByUserId(newId, "Thanks marker-id-2");
        assertThat(repliesTo(newId, 2)).last().isEqualTo("See you soon.");
        assertThat(model.requests("marker-id-2").get(0).toString())
                .as("the conversation came along")
                .contains("marker-id-1");
        await().atMost(PATIENCE)
                .until(() -> mem0Adds("Travels with a bike").stream()
                        .anyMatch(add -> newId.equals(add.path("user_id").asText())
                                && !add.path("infer").asBoolean(true)));
        await().atMost(PATIENCE)
                .until(() -> !mem0().findAll(deleteRequestedFor(urlPathEqualTo("/v1/memories/"))
                                .withQueryParam(
                                        "user_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(oldId)))
                        .isEmpty());
    }

    // ---- on the business's topics (WhatsApp Business Solution Terms, "AI Providers") ----

    @Test
    void aPoemTheModelWritesIsReplacedByTheDeclineAndAnOnTopicAnswerPassesUnchanged() {
        String guest = "40700500007";
        String poem =
                "The sea rolls in with silver light,\nIt hums a song along the shore,\nThe gulls return in flight,\n"
                        + "And waves come back for more.";
        model.answer("marker-poem-1", poem);
        model.answer("marker-poem-2", "*Casa Pescarului* is 5 minutes from the beach, with free parking.");

        say(guest, "Write me a poem about the sea marker-poem-1");
        assertThat(repliesTo(guest, 1))
                .containsExactly(
                        "I can only help with stays at our properties, the area and your trip. Shall I check free dates for you?");
        assertThat(memory(guest)).contains("I can only help with stays").doesNotContain("silver light");

        say(guest, "How far is the beach from Casa Pescarului? marker-poem-2");
        assertThat(repliesTo(guest, 2))
                .last()
                .isEqualTo("*Casa Pescarului* is 5 minutes from the beach, with free parking.");
        assertThat(metrics()).contains("agent_off_topic_answers_total");
    }

    @Test
    void aRomanianGuestIsDeclinedInRomanian() {
        String guest = "40700500008";
        model.answer("marker-poem-3", "```java\nint suma(int a, int b) { return a + b; }\n```");

        say(guest, "Scrie-mi un cod java care aduna doua numere marker-poem-3");

        assertThat(repliesTo(guest, 1)).singleElement().asString().startsWith("Vă pot ajuta doar cu cazarea");
    }

    // ---- helpers ----

    /** A fixture body with this test's guest, ids and time; {@code pairs} replace further texts (from, to, …). */
    private void deliver(String fixture, String guest, String id, String fixtureId, Instant at, String... pairs) {
        String body = new String(Fixtures.resource("fixtures/bodies/" + fixture + ".json"), StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i] != null) {
                body = body.replace(pairs[i], pairs[i + 1]);
            }
        }
        if (fixtureId != null) {
            body = body.replace(fixtureId, id);
        }
        body = body.replace("\"from_user_id\":\"" + FIXTURE_USER_ID + "\",", "")
                .replace(",\"user_id\":\"" + FIXTURE_USER_ID + "\"", "")
                .replaceAll("\"timestamp\":\"\\d+\"", "\"timestamp\":\"" + at.getEpochSecond() + "\"");
        if (!guest.isEmpty()) {
            body = body.replace(FIXTURE_GUEST, guest);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
    }

    private void revoke(String guest, String original) {
        deliver(
                "revoke_text",
                guest,
                nextId("revoke-event"),
                "wamid.HBgLNDA3NTI2MDE4MTUVAgASGBQzQUY3MTIwODlFMDNCQ0E0RDAzNQA=",
                Instant.now(),
                FIXTURE_MESSAGE,
                original);
    }

    private void say(String guest, String text) {
        sayWithId(guest, nextId("text"), text);
    }

    private void sayWithId(String guest, String id, String text) {
        byte[] body = new String(Fixtures.textCallback(id, text), StandardCharsets.UTF_8)
                .replace(FIXTURE_GUEST, guest)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(body, Fixtures.sign(body))
                        .statusCode())
                .isEqualTo(200);
    }

    private void sayByUserId(String userId, String text) {
        String body = new String(Fixtures.resource("fixtures/bodies/username_only_user.json"), StandardCharsets.UTF_8);
        JsonNode parsed = read(body);
        String fixtureUser =
                parsed.at("/entry/0/changes/0/value/messages/0/from_user_id").asText();
        String fixtureText =
                parsed.at("/entry/0/changes/0/value/messages/0/text/body").asText();
        String fixtureId =
                parsed.at("/entry/0/changes/0/value/messages/0/id").asText().replace("/", "\\/");
        body = body.replace(fixtureUser, userId).replace(fixtureText, text).replace(fixtureId, nextId("user"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
    }

    private void personWrites(String guest, String id, String text) {
        String body =
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                        + "\"phone_number_id\":\"" + PHONE_NUMBER_ID
                        + "\"},\"message_echoes\":[{\"from\":\"15550783881\",\"to\":\"" + guest
                        + "\",\"id\":\"" + id + "\",\"timestamp\":\""
                        + Instant.now().getEpochSecond() + "\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"" + text + "\"}}]},\"field\":\"smb_message_echoes\"}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> operator(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new WebhookClient(managementPort).send(request.build());
    }

    private String metrics() {
        return new WebhookClient(managementPort).get("/actuator/prometheus").body();
    }

    private List<String> repliesTo(String guest, int count) {
        await().atMost(PATIENCE).until(() -> answers(guest).size() >= count);
        return answers(guest).stream().map(CloudApiServer.Send::text).toList();
    }

    private static List<CloudApiServer.Send> answers(String guest) {
        return cloudApi.answerSends().stream()
                .filter(send -> guest.equals(send.to()))
                .toList();
    }

    private static List<JsonNode> threadControlRequests(String guest) {
        return cloudApi
                .server()
                .findAll(postRequestedFor(urlPathMatching("/v\\d+\\.\\d+/" + PHONE_NUMBER_ID + "/thread_control")))
                .stream()
                .map(LoggedRequest::getBodyAsString)
                .map(CoexistenceTest::read)
                .filter(body -> guest.equals(body.path("to").asText()))
                .toList();
    }

    private String state(String wamid) {
        return jdbc.queryForList("SELECT state FROM guest_message WHERE wamid = ?", String.class, wamid).stream()
                .findFirst()
                .orElse(null);
    }

    private String holder(String guest) {
        return jdbc.queryForList("SELECT holder FROM thread_control WHERE guest_id = ?", String.class, guest).stream()
                .findFirst()
                .orElse(null);
    }

    private String memory(String guest) {
        return jdbc.queryForList("SELECT messages FROM chat_memory WHERE guest_id = ?", String.class, guest).stream()
                .findFirst()
                .orElse("");
    }

    private int outboxRows(String guest) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE guest_id = ?", Integer.class, guest);
    }

    private int rows(String table, String guest) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE guest_id = ?", Integer.class, guest);
    }

    private static List<JsonNode> mem0Adds(String words) {
        return mem0().findAll(postRequestedFor(urlEqualTo("/v3/memories/add/"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains(words))
                .map(CoexistenceTest::read)
                .toList();
    }

    private static com.github.tomakehurst.wiremock.WireMockServer mem0() {
        return model.server();
    }

    private static Instant ago(int seconds) {
        return Instant.now().minusSeconds(seconds);
    }

    private static String nextId(String kind) {
        return "wamid.coexist-" + kind + "-" + IDS.incrementAndGet();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
