package org.holidaydesk.assistant.agent.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ModelServiceTest;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.TcpProxy;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The language-model agent end to end over real HTTP: signed callbacks through the real pipeline, an
 * OpenAI-compatible model and Mem0 played by WireMock, the real LangChain4j MCP client calling the
 * embedded property server (through a TCP relay the tests can cut), and the Cloud API played by WireMock.
 * Each test has its own guests and words, so that they share one service.
 */
@ModelServiceTest
class ModelAgentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CONTACT = "+40 711 222 333";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final int WEBHOOK_PORT = StandIns.Model.webhookPort();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger();

    static final OpenAiStub model = StandIns.Model.model();
    static final CloudApiServer cloudApi = StandIns.Model.cloudApi();
    static final TcpProxy mcpRelay = StandIns.Model.mcpRelay();

    @Autowired
    JdbcTemplate jdbc;

    @LocalManagementPort
    int managementPort;

    // ---- the round trip ----

    @Test
    void theModelCallsThePropertyToolsOverMcpAndItsAnswerReachesTheGuest() {
        String guest = "40700300001";
        LocalDate checkIn = TODAY.plusMonths(1).withDayOfMonth(10);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("checkIn", checkIn.toString());
        arguments.put("checkOut", checkIn.plusDays(3).toString());
        arguments.put("guests", 2);
        arguments.put("property", "Casa Pescarului");
        String answer = "*Casa Pescarului* is free from *" + checkIn + "* for 3 nights.";
        model.callToolThenAnswer("our dog Rex", "search_availability", arguments, answer);

        say(guest, "Is Casa Pescarului available next month for 2? And our dog Rex?");

        assertThat(repliesTo(guest, 1)).containsExactly(answer);
        List<JsonNode> requests = model.requests("our dog Rex");
        assertThat(requests).hasSize(2);
        JsonNode first = requests.get(0);
        assertThat(OpenAiStub.system(first)).contains(TODAY.toString()).contains(CONTACT);
        assertThat(first.path("model").asText()).isEqualTo("stub-model");
        List<String> tools = new ArrayList<>();
        first.path("tools").forEach(tool -> tools.add(tool.at("/function/name").asText()));
        assertThat(tools).contains("search_availability", "get_calendar", "list_properties", "create_booking_link");

        JsonNode toolMessage = message(requests.get(1), "tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_search_availability");
        JsonNode result = read(toolMessage.path("content").asText());
        assertThat(result.path("checkIn").asText()).isEqualTo(checkIn.toString());
        assertThat(result.at("/requested/propertyId").asText()).isEqualTo("casa-pescarului");
        assertThat(result.path("guests").asInt()).isEqualTo(2);
    }

    @Test
    void theModelCallsTheHouseGuideAndItsAnswerCarriesTheBusinesssWordsWithoutThePrivateNotes() {
        String guest = "40700300003";
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("property", "Casa Pescarului");
        arguments.put("language", "en");
        // a model that answers from the tool result, as its instructions require
        model.script(
                "check-in at the fisherman",
                4,
                new OpenAiStub.Script(
                        "get_house_guide",
                        request -> arguments,
                        result -> "Check-in at *" + result.path("name").asText() + "*: "
                                + result.at("/facts/checkIn/text").asText() + " Breakfast: "
                                + result.at("/facts/breakfast/text").asText()));

        say(guest, "What time is check-in at the fisherman's house, and is there breakfast?");

        String answer = repliesTo(guest, 1).get(0);
        assertThat(answer)
                .isEqualTo(
                        "Check-in at *Casa Pescarului*: From 14:00 to 20:00; the host meets you at the jetty. "
                                + "Breakfast: Breakfast is included: fish, eggs, cheese and jams from the village, served from 8:00 to 10:00.");
        List<JsonNode> requests = model.requests("check-in at the fisherman");
        assertThat(OpenAiStub.system(requests.get(0))).contains("get_house_guide");
        List<String> tools = new ArrayList<>();
        requests.get(0)
                .path("tools")
                .forEach(tool -> tools.add(tool.at("/function/name").asText()));
        assertThat(tools).contains("get_house_guide");
        String toolResult = message(requests.get(1), "tool").path("content").asText();
        assertThat(read(toolResult).at("/facts/cancellation/source").asText()).isEqualTo("business");
        assertThat(toolResult)
                .doesNotContain("4711", "delta-heron-2026", "2580", "doorCode", "wifiPassword", "private");
    }

    // ---- memory ----

    @Test
    void twoGuestsInterleavedEachSeeOnlyTheirOwnHistoryAndMemories() {
        String kiwi = "40700300011";
        String mango = "40700300012";
        recallFor(kiwi, "Prefers lighthouse views");
        recallFor(mango, "Travels with a parrot");

        for (int turn = 1; turn <= 3; turn++) {
            say(kiwi, "kiwi-" + turn + " hello");
            repliesTo(kiwi, turn);
            say(mango, "mango-" + turn + " hello");
            repliesTo(mango, turn);
        }

        List<JsonNode> kiwiRequests = model.requests("kiwi-");
        List<JsonNode> mangoRequests = model.requests("mango-");
        assertThat(kiwiRequests).hasSize(3);
        assertThat(mangoRequests).hasSize(3);
        for (JsonNode request : kiwiRequests) {
            assertThat(request.toString()).contains("Prefers lighthouse views").doesNotContain("mango-", "parrot");
        }
        for (JsonNode request : mangoRequests) {
            assertThat(request.toString()).contains("Travels with a parrot").doesNotContain("kiwi-", "lighthouse");
        }
        // the third turn carries the first two
        assertThat(kiwiRequests.get(2).toString()).contains("kiwi-1 hello", "kiwi-2 hello", "kiwi-3 hello");

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(mem0Requests("/v3/memories/add/")).hasSizeGreaterThanOrEqualTo(6));
        for (JsonNode search : mem0Requests("/v3/memories/search/")) {
            String query = search.path("query").asText();
            assertThat(search.has("user_id")).isFalse();
            if (query.contains("kiwi-")) {
                assertThat(search.at("/filters/user_id").asText()).isEqualTo(kiwi);
            } else if (query.contains("mango-")) {
                assertThat(search.at("/filters/user_id").asText()).isEqualTo(mango);
            }
        }
        for (JsonNode add : mem0Requests("/v3/memories/add/")) {
            if (add.toString().contains("kiwi-")) {
                assertThat(add.path("user_id").asText()).isEqualTo(kiwi);
                assertThat(add.toString()).doesNotContain("mango-");
            } else if (add.toString().contains("mango-")) {
                assertThat(add.path("user_id").asText()).isEqualTo(mango);
            }
        }
    }

    @Test
    void mem0StillRecallsAGuestWhoseConversationExpired() {
        String guest = "40700300021";
        recallFor(guest, "Prefers romantic getaways for 2");

        say(guest, "papaya-1 we loved our last stay");
        repliesTo(guest, 1);
        say(guest, "papaya-2 what about spring?");
        repliesTo(guest, 2);
        assertThat(model.requests("papaya-2").get(0).toString()).contains("papaya-1 we loved our last stay");

        // three idle days later the conversation has expired
        jdbc.update("UPDATE chat_memory SET updated_at = DATEADD('DAY', -4, updated_at) WHERE guest_id = ?", guest);
        say(guest, "papaya-3 hello again");
        repliesTo(guest, 3);

        JsonNode third = model.requests("papaya-3").get(0);
        assertThat(third.toString()).doesNotContain("papaya-1", "papaya-2");
        assertThat(OpenAiStub.system(third)).contains("Prefers romantic getaways for 2");
    }

    @Test
    void aGuestWhoAsksToBeForgottenIsForgottenAndOthersAreNot() {
        String guest = "40700300031";
        String other = "40700300032";
        say(guest, "plum-1 my cat is called Tom");
        repliesTo(guest, 1);
        say(other, "cherry-1 hello");
        repliesTo(other, 1);

        say(guest, "Please forget me and delete my data");

        assertThat(repliesTo(guest, 2).get(1)).contains("deleted");
        assertThat(rows("chat_memory", guest)).isZero();
        assertThat(rows("chat_memory", other)).isOne();
        assertThat(mem0().findAll(deleteRequestedFor(urlPathEqualTo("/v1/memories/"))
                        .withQueryParam("user_id", equalTo(guest))))
                .hasSize(1);
        assertThat(mem0().findAll(deleteRequestedFor(urlPathEqualTo("/v1/memories/"))
                        .withQueryParam("user_id", equalTo(other))))
                .isEmpty();

        say(guest, "plum-2 hello again");
        repliesTo(guest, 3);
        assertThat(model.requests("plum-2").get(0).toString()).doesNotContain("plum-1", "Tom");
        assertThat(model.requests("cherry-1")).isNotEmpty();
    }

    @Test
    void romanianGuestsAreForgottenInRomanian() {
        String guest = "40700300033";
        say(guest, "Vă rog să-mi ștergeți datele");

        assertThat(repliesTo(guest, 1).get(0)).startsWith("Gata");
    }

    @Test
    void operatorsEraseAGuestWithTheirToken() {
        String guest = "40700300034";
        say(guest, "quince-1 hello");
        repliesTo(guest, 1);
        // the conversation's count of billable messages (funnel.BillableMessages) keys the guest too
        jdbc.update(
                "INSERT INTO billing_conversation (guest_id, started_at, last_billed_at, billable_messages, since_link)"
                        + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 1)",
                guest);
        WebhookClient operator = new WebhookClient(managementPort);
        URI erase = URI.create("http://127.0.0.1:" + managementPort + "/actuator/guests/" + guest);

        HttpResponse<String> refused =
                operator.send(HttpRequest.newBuilder(erase).DELETE().build());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(rows("chat_memory", guest)).isOne();

        HttpResponse<String> erased = operator.send(HttpRequest.newBuilder(erase)
                .header("Authorization", "Bearer test-operator-token")
                .DELETE()
                .build());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).doesNotContain(guest);
        assertThat(rows("chat_memory", guest)).isZero();
        assertThat(rows("billing_conversation", guest)).isZero();
    }

    @Test
    void aLongConversationIsCondensedIntoASummaryThatTheNextTurnsCarry() {
        String guest = "40700300035";
        model.server()
                .stubFor(post(urlEqualTo(OpenAiStub.COMPLETIONS))
                        .atPriority(1)
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "You keep notes for a holiday-property"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("lychee-1"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(OpenAiStub.completion("Lychee guest wants a quiet cabin in March."))));

        for (int turn = 1; turn <= 4; turn++) {
            say(guest, "lychee-" + turn + " tell me more");
            repliesTo(guest, turn);
        }
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM chat_memory WHERE guest_id = ?" + " AND summary IS NOT NULL",
                                Integer.class,
                                guest)
                        == 1);
        say(guest, "lychee-5 and then?");
        repliesTo(guest, 5);

        JsonNode fifth = model.requests("lychee-5").get(0);
        assertThat(OpenAiStub.system(fifth))
                .contains("Summary of your earlier conversation", "Lychee guest wants a quiet cabin in March.");
        assertThat(fifth.toString())
                .contains("lychee-4", "lychee-5")
                .doesNotContain("lychee-1 ", "lychee-2 ", "lychee-3 ");
    }

    // ---- bursts and lone messages ----

    @Test
    void aLoneMessageIsDueTheMomentItIsRecorded() {
        String guest = "40700300081";
        StubMapping slow = model.answerLate("solitary-heron", "Casa Pescarului is free, see you soon.", 1000);
        try {
            say(guest, "Is Casa Pescarului free next week? solitary-heron");
            // the model is answering: the turn was due when the message was recorded, not a window later
            await().atMost(PATIENCE)
                    .until(() -> !model.requests("solitary-heron").isEmpty());
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM guest g JOIN guest_message m ON m.guest_id = g.guest_id"
                                    + " WHERE g.guest_id = ? AND g.ready_at = m.received_at",
                            Integer.class,
                            guest))
                    .as("the turn is due at the instant its message was recorded")
                    .isOne();

            assertThat(repliesTo(guest, 1)).containsExactly("Casa Pescarului is free, see you soon.");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM turn_trace t JOIN guest_message m ON m.guest_id = t.guest_id"
                                    + " WHERE t.guest_id = ? AND t.started_at >= m.received_at",
                            Integer.class,
                            guest))
                    .isOne();
        } finally {
            model.heal(slow);
        }
    }

    @Test
    void threeQuickMessagesGetOneAnswerThatReadsThemAll() {
        String guest = "40700300082";
        StubMapping slow = model.answerLate("burst-kestrel", "For two from Friday: Casa Pescarului is free.", 1000);
        try {
            // three messages while the first is being answered: the turn starts over with all of them
            say(guest, "Hi! burst-kestrel");
            say(guest, "Is Casa Pescarului free this Friday?");
            say(guest, "For two people");
            await().atMost(PATIENCE).until(() -> answered(guest) == 3);
            assertThat(repliesTo(guest, 1)).containsExactly("For two from Friday: Casa Pescarului is free.");
            await().during(Duration.ofMillis(500))
                    .atMost(PATIENCE)
                    .until(() -> sends(guest, CloudApiServer.Send::isText).size() == 1);

            JsonNode answeredRequest = model.requests("burst-kestrel")
                    .get(model.requests("burst-kestrel").size() - 1);
            assertThat(message(answeredRequest, "user").path("content").asText())
                    .contains("burst-kestrel", "this Friday", "For two people");
            assertThat(jdbc.queryForList(
                            "SELECT in_reply_to FROM outbox WHERE guest_id = ? AND kind = 'read'", String.class, guest))
                    .as("each message marked read once")
                    .hasSize(3)
                    .doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM outbox WHERE guest_id = ? AND kind = 'text'", Integer.class, guest))
                    .isOne();
            // the conversation keeps the guest's words once and only the answer they got
            String conversation =
                    jdbc.queryForObject("SELECT messages FROM chat_memory WHERE guest_id = ?", String.class, guest);
            assertThat(conversation.split("burst-kestrel", -1)).hasSize(2);
            assertThat(conversation.split("Casa Pescarului is free", -1)).hasSize(2);
        } finally {
            model.heal(slow);
        }
    }

    // ---- buttons ----

    @Test
    void anAnswerOfferingTwoPropertiesGoesOutAsButtonsAndTheTapContinues() {
        String guest = "40700300041";
        model.answer("grape-1", "Both are free on those dates. Which one?\n[choices: Casa Pescarului | Vila Franceza]");

        say(guest, "grape-1 anything free for 4 next weekend?");

        CloudApiServer.Send offer = awaitSends(
                        guest,
                        1,
                        send -> "interactive".equals(send.body().path("type").asText()))
                .get(0);
        assertThat(offer.body().at("/interactive/type").asText()).isEqualTo("button");
        assertThat(offer.body().at("/interactive/body/text").asText())
                .isEqualTo("Both are free on those dates. Which one?");
        List<String> titles = new ArrayList<>();
        offer.body().at("/interactive/action/buttons").forEach(b -> {
            assertThat(b.at("/reply/title").asText().length()).isLessThanOrEqualTo(20);
            titles.add(b.at("/reply/title").asText());
        });
        assertThat(titles).containsExactly("Casa Pescarului", "Vila Franceza");

        String buttonId =
                offer.body().at("/interactive/action/buttons/0/reply/id").asText();
        tap(guest, buttonId, "Casa Pescarului");

        await().atMost(PATIENCE).until(() -> model.requests("grape-1").size() >= 2);
        JsonNode afterTap = model.requests("grape-1").get(1);
        List<JsonNode> messages = new ArrayList<>();
        afterTap.path("messages").forEach(messages::add);
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(last.path("content").asText()).isEqualTo("Casa Pescarului");
        assertThat(afterTap.toString()).contains("Both are free on those dates");
    }

    // ---- a person ----

    @Test
    void aGuestWhoAsksForAPersonGetsOneAndTheAssistantStaysQuietUntilTheQuietTimeIsOver() {
        String guest = "40700300071";
        String other = "40700300072";

        say(guest, "pear-1 Can I talk to someone, please?");

        assertThat(repliesTo(guest, 1).get(0)).contains("A person from our team will answer you here soon");
        await().atMost(PATIENCE).until(() -> handoffNotes("pear-1").size() == 1);
        JsonNode note = read(handoffNotes("pear-1").get(0).getBodyAsString());
        assertThat(note.path("text").asText())
                .contains("+40*****0071", "pear-1", "/actuator/guests/h-")
                .doesNotContain(guest);
        assertThat(handoffNotes("pear-1").get(0).getHeader("Authorization")).isNull();

        say(guest, "pear-2 hello? anyone?");
        personWritesFromTheApp(guest, "pear-person Hi, this is Maria from the front desk, how can I help?");
        say(guest, "pear-3 my heating is broken");
        say(other, "apricot-1 hello");
        assertThat(repliesTo(other, 1)).isNotEmpty();
        await().atMost(PATIENCE).until(() -> answered(guest) == 3);
        assertThat(sends(guest, s -> s.isText())).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND kind = 'PERSON'",
                        Integer.class,
                        guest))
                .isOne();
        assertThat(model.requests("pear-")).isEmpty();

        // the quiet time after the person's last message has passed
        jdbc.update(
                "UPDATE handoff SET quiet_until = DATEADD('HOUR', -1, CURRENT_TIMESTAMP) WHERE guest_id = ?", guest);
        say(guest, "pear-4 thanks, all good now");

        assertThat(repliesTo(guest, 2).get(1)).isEqualTo("Noted, thank you.");
        JsonNode after = model.requests("pear-4").get(0);
        assertThat(after.toString()).contains("pear-person Hi, this is Maria", "pear-2 hello", "pear-3 my heating");
    }

    @Test
    void theModelHandsAGuestToAPersonAndOperatorsAnswerAndHandBack() {
        String guest = "40700300073";
        model.answer("kumquat-1", "I am sorry the room was not clean.\n[handoff]");

        say(guest, "kumquat-1 the room was dirty when we arrived");

        String reply = repliesTo(guest, 1).get(0);
        assertThat(reply)
                .startsWith("I am sorry the room was not clean.")
                .contains("A person from our team")
                .doesNotContain("[handoff]");
        await().atMost(PATIENCE).until(() -> handoffNotes("kumquat-1").size() == 1);
        String ref = jdbc.queryForObject("SELECT ref FROM handoff WHERE guest_id = ?", String.class, guest);

        WebhookClient operator = new WebhookClient(managementPort);
        URI messages = URI.create("http://127.0.0.1:" + managementPort + "/actuator/guests/" + ref + "/messages");
        HttpRequest.BodyPublisher text =
                HttpRequest.BodyPublishers.ofString("{\"text\":\"kumquat-person We will send a cleaner now.\"}");
        assertThat(operator.send(HttpRequest.newBuilder(messages)
                                .header("Content-Type", "application/json")
                                .POST(text)
                                .build())
                        .statusCode())
                .isEqualTo(401);
        assertThat(operator.send(HttpRequest.newBuilder(messages)
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer test-operator-token")
                                .POST(text)
                                .build())
                        .statusCode())
                .isEqualTo(202);
        assertThat(repliesTo(guest, 2).get(1)).isEqualTo("kumquat-person We will send a cleaner now.");

        say(guest, "kumquat-2 thank you");
        await().atMost(PATIENCE).until(() -> answered(guest) == 2);
        assertThat(sends(guest, s -> s.isText())).hasSize(2);

        URI handback = URI.create("http://127.0.0.1:" + managementPort + "/actuator/guests/" + ref + "/handback");
        assertThat(operator.send(HttpRequest.newBuilder(handback)
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer test-operator-token")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build())
                        .statusCode())
                .isEqualTo(200);
        model.answerBefore("kumquat-3", "Kumquat: happy to help again.");
        say(guest, "kumquat-3 one more question");
        assertThat(repliesTo(guest, 3).get(2)).isEqualTo("Kumquat: happy to help again.");
        assertThat(model.requests("kumquat-3").get(0).toString())
                .contains("kumquat-person We will send a cleaner now.", "kumquat-2 thank you");
    }

    @Test
    void romanianGuestsAskingForAPersonAreAnsweredInRomanian() {
        String guest = "40700300074";
        say(guest, "Vreau să vorbesc cu cineva, vă rog");

        assertThat(repliesTo(guest, 1).get(0)).startsWith("Un coleg vă va răspunde aici");
    }

    // ---- voice notes ----

    @Test
    void aVoiceNoteIsFetchedTranscribedAndAnsweredAsIfTyped() {
        String guest = "40700300061";
        byte[] audio = "RIFF-voice-note-bytes-of-a-tiny-recording".getBytes(StandardCharsets.UTF_8);
        serveVoiceNote("1000000000000061", audio.length, audio);
        model.server()
                .stubFor(post(urlEqualTo("/v1/audio/transcriptions"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("voice-note-bytes"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"text\":\"Is Casa Pescarului free next month for two? banana-voice\"}")));
        model.answer("banana-voice", "You asked about *Casa Pescarului* next month for 2: it is free.");

        sendVoiceNote(guest, "1000000000000061");

        assertThat(repliesTo(guest, 1))
                .containsExactly("You asked about *Casa Pescarului* next month for 2: it is free.");
        JsonNode request = model.requests("banana-voice").get(0);
        assertThat(request.toString())
                .contains("understood as")
                .contains("Is Casa Pescarului free next month for two?");
        LoggedRequest transcription =
                model.server().findAll(postRequestedFor(urlEqualTo("/v1/audio/transcriptions"))).stream()
                        .filter(r -> r.getBodyAsString().contains("voice-note-bytes"))
                        .findFirst()
                        .orElseThrow();
        assertThat(transcription.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(transcription.getBodyAsString()).contains("gpt-4o-mini-transcribe");
        assertThat(cloudApi.server()
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlEqualTo("/media/1000000000000061"))))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-token"));
    }

    @Test
    void aVoiceNoteTooLargeOrNotUnderstoodGetsWhatTheAssistantCanRead() {
        String large = "40700300062";
        serveVoiceNote("1000000000000062", 50_000_000, "x".getBytes(StandardCharsets.UTF_8));
        sendVoiceNote(large, "1000000000000062");
        assertThat(repliesTo(large, 1).get(0)).contains("*type*");
        assertThat(cloudApi.server()
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlEqualTo("/media/1000000000000062"))))
                .isEmpty();

        String garbled = "40700300063";
        byte[] audio = "unintelligible-recording".getBytes(StandardCharsets.UTF_8);
        serveVoiceNote("1000000000000063", audio.length, audio);
        model.server()
                .stubFor(post(urlEqualTo("/v1/audio/transcriptions"))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.containing("unintelligible-recording"))
                        .willReturn(aResponse().withStatus(500)));
        sendVoiceNote(garbled, "1000000000000063");
        assertThat(repliesTo(garbled, 1).get(0)).contains("*type*");
    }

    // ---- when things fail ----

    @Test
    void aModelThatFailsIsAnsweredForByTheOfflineAgentAndTheNextTurnUsesTheModelAgain() {
        String guest = "40700300051";
        StubMapping fault = model.fail("fig-500", 500);

        say(guest, "fig-500 Is Casa Pescarului free next month for 2?");

        String fallback = repliesTo(guest, 1).get(0);
        assertUseful(fallback);
        assertThat(fallback).doesNotContain("stub failure");

        model.heal(fault);
        model.answer("fig-500", "The model is back for fig.");
        say(guest, "fig-500 and now?");
        assertThat(repliesTo(guest, 2).get(1)).isEqualTo("The model is back for fig.");
    }

    @Test
    void aModelSilentPastItsTimeoutIsCutOffWithinTheAgentTimeout() {
        String guest = "40700300052";
        StubMapping fault = model.answerLate("lime-late", "far too late", 8000);

        long start = System.nanoTime();
        say(guest, "lime-late Is Casa Pescarului free next month for 2?");

        String fallback = repliesTo(guest, 1).get(0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
        assertUseful(fallback);
        assertThat(fallback).doesNotContain("far too late");

        model.heal(fault);
        model.answer("lime-late", "Lime answered in time.");
        say(guest, "lime-late again");
        assertThat(repliesTo(guest, 2).get(1)).isEqualTo("Lime answered in time.");
    }

    @Test
    void aModelThatCallsToolsForeverIsStoppedAfterTheToolRoundLimit() {
        String guest = "40700300053";
        StubMapping fault = model.callToolsForever("date-loop", "list_properties", Map.of());

        say(guest, "date-loop Is Casa Pescarului free next month for 2?");

        assertUseful(repliesTo(guest, 1).get(0));
        assertThat(model.requests("date-loop")).hasSizeBetween(2, 7);

        model.heal(fault);
        model.answer("date-loop", "No more loops.");
        say(guest, "date-loop again");
        assertThat(repliesTo(guest, 2).get(1)).isEqualTo("No more loops.");
    }

    @Test
    void mem0FailingNeverFailsTheTurn() {
        String guest = "40700300054";
        mem0().stubFor(post(urlEqualTo("/v3/memories/search/"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.filters.user_id", equalTo(guest)))
                .willReturn(aResponse().withStatus(500)));
        model.answer("melon-m0", "Melon answered without Mem0.");

        say(guest, "melon-m0 hello");

        assertThat(repliesTo(guest, 1)).containsExactly("Melon answered without Mem0.");
    }

    @Test
    void propertyToolsDownGiveTheBusinessContactAndBackTheyAreUsedAgain() {
        String guest = "40700300055";
        LocalDate checkIn = TODAY.plusMonths(1).withDayOfMonth(12);
        Map<String, Object> arguments = Map.of(
                "checkIn", checkIn.toString(), "checkOut", checkIn.plusDays(2).toString(), "guests", 2);
        model.callToolThenAnswer("guava-mcp", "search_availability", arguments, "Guava: here is what is free.");

        mcpRelay.cut();
        try {
            say(guest, "guava-mcp anything free next month for 2?");
            String reply = repliesTo(guest, 1).get(0);
            assertThat(reply).contains(CONTACT);
        } finally {
            mcpRelay.restore();
        }

        say(guest, "guava-mcp and now?");
        assertThat(repliesTo(guest, 2).get(1)).isEqualTo("Guava: here is what is free.");
        JsonNode toolMessage = message(model.requests("guava-mcp and now").get(1), "tool");
        assertThat(read(toolMessage.path("content").asText()).path("checkIn").asText())
                .isEqualTo(checkIn.toString());
    }

    // ---- helpers ----

    private void say(String guest, String text) {
        byte[] body = new String(
                        Fixtures.textCallback("wamid.model-" + MESSAGE_IDS.incrementAndGet(), escape(text)),
                        StandardCharsets.UTF_8)
                .replace("40752601815", guest)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(body, Fixtures.sign(body))
                        .statusCode())
                .isEqualTo(200);
    }

    private void personWritesFromTheApp(String guest, String text) {
        String body =
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                        + "\"phone_number_id\":\"106540352242922\"},\"message_echoes\":[{\"from\":\"15550783881\",\"to\":\""
                        + guest + "\","
                        + "\"id\":\"wamid.echo-" + MESSAGE_IDS.incrementAndGet()
                        + "\",\"timestamp\":\"1795536200\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"" + escape(text) + "\"}}]},\"field\":\"smb_message_echoes\"}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
        // posted twice, as Meta may: kept once
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
    }

    private int answered(String guest) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM guest_message WHERE guest_id = ? AND kind <> 'PERSON'"
                        + " AND state = 'ANSWERED'",
                Integer.class,
                guest);
    }

    private static List<LoggedRequest> handoffNotes(String words) {
        return model.server().findAll(postRequestedFor(urlEqualTo("/handoff"))).stream()
                .filter(r -> r.getBodyAsString().contains(words))
                .toList();
    }

    private void serveVoiceNote(String mediaId, long size, byte[] audio) {
        cloudApi.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v24.0/" + mediaId))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"url\":\"" + cloudApi.baseUrl() + "/media/" + mediaId
                                        + "\",\"mime_type\":\"audio/ogg\"," + "\"file_size\":" + size + ",\"id\":\""
                                        + mediaId + "\",\"messaging_product\":\"whatsapp\"}")));
        cloudApi.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/media/" + mediaId))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "audio/ogg")
                                .withBody(audio)));
    }

    private void sendVoiceNote(String guest, String mediaId) {
        String body = new String(Fixtures.resource("fixtures/bodies/audio_voice.json"), StandardCharsets.UTF_8)
                .replace("40739099603", guest)
                .replace("\"from_user_id\":\"RO.0824628194821993\",", "")
                .replace(",\"user_id\":\"RO.0824628194821993\"", "")
                .replace("1000000000039595", mediaId)
                .replace(
                        "wamid.nTMAEjc\\/1N8cYzw1HKAznUqRUGCdZwcmh6poopNA",
                        "wamid.voice-" + MESSAGE_IDS.incrementAndGet());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
    }

    private void tap(String guest, String buttonId, String title) {
        String body = new String(
                        Fixtures.resource("fixtures/bodies/interactive_button_reply.json"), StandardCharsets.UTF_8)
                .replace("40739099603", guest)
                .replace("\"from_user_id\":\"RO.0824628194821993\",", "")
                .replace(
                        "wamid.fys6rqNpQczIbiyPo\\/FyZCPk52UEeiNmrQzlZIEa",
                        "wamid.tap-" + MESSAGE_IDS.incrementAndGet())
                .replace(
                        "\"id\":\"book_yes\",\"title\":\"Yes, book it\"",
                        "\"id\":\"" + buttonId + "\",\"title\":\"" + title + "\"");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(WEBHOOK_PORT)
                        .postCallback(bytes, Fixtures.sign(bytes))
                        .statusCode())
                .isEqualTo(200);
    }

    /** The texts the guest received, once there are at least {@code count}. */
    private List<String> repliesTo(String guest, int count) {
        return awaitSends(
                        guest,
                        count,
                        send -> send.isText()
                                || "interactive".equals(send.body().path("type").asText()))
                .stream()
                .map(send -> send.isText()
                        ? send.text()
                        : send.body().at("/interactive/body/text").asText())
                .toList();
    }

    private List<CloudApiServer.Send> awaitSends(
            String guest, int count, java.util.function.Predicate<CloudApiServer.Send> kind) {
        await().atMost(PATIENCE).until(() -> sends(guest, kind).size() >= count);
        return sends(guest, kind);
    }

    private static List<CloudApiServer.Send> sends(
            String guest, java.util.function.Predicate<CloudApiServer.Send> kind) {
        return cloudApi.sends().stream()
                .filter(kind)
                .filter(send -> guest.equals(send.to()))
                .toList();
    }

    /** An answer a guest can use: availability or the business's contact, never an error text. */
    private static void assertUseful(String reply) {
        assertThat(reply).isNotBlank().doesNotContainIgnoringCase("exception").doesNotContain("HTTP", "stub");
        assertThat(reply.contains(CONTACT) || reply.contains("Casa Pescarului"))
                .as("availability or the contact: %s", reply)
                .isTrue();
    }

    private int rows(String table, String guest) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE guest_id = ?", Integer.class, guest);
    }

    private static void recallFor(String guest, String memory) {
        mem0().stubFor(post(urlEqualTo("/v3/memories/search/"))
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.filters.user_id", equalTo(guest)))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":[{\"id\":\"m-" + guest + "\",\"memory\":\"" + memory
                                + "\",\"score\":0.9}]}")));
    }

    private static List<JsonNode> mem0Requests(String path) {
        return mem0().findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(ModelAgentTest::read)
                .toList();
    }

    private static com.github.tomakehurst.wiremock.WireMockServer mem0() {
        return model.server();
    }

    private static JsonNode message(JsonNode request, String role) {
        for (JsonNode message : request.path("messages")) {
            if (role.equals(message.path("role").asText())) {
                return message;
            }
        }
        throw new AssertionError("no " + role + " message in " + request);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
