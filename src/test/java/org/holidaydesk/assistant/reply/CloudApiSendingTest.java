package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.support.CloudApiServiceTest;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.CloudApiStub.Answer;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replies against a Cloud API played by WireMock with Meta's recorded answers: retried, paced,
 * dead-lettered and replayed as the error policy says, and always in queue order per guest.
 */
@CloudApiServiceTest
class CloudApiSendingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_NUMBER_ID = CloudApiStub.PHONE_NUMBER_ID;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The family's Cloud API stand-in, reset before each test. */
    static final WireMockServer wireMock = StandIns.CloudApi.cloudApi().server();

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @LocalManagementPort
    int managementPort;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    CloudApiStub cloudApi;
    OutboxRows rows;
    WebhookClient operator;

    @BeforeEach
    void connect() {
        cloudApi = new CloudApiStub(wireMock);
        rows = new OutboxRows(jdbc);
        operator = new WebhookClient(managementPort);
    }

    @Test
    void deliversAfterTwo503sOnTheThirdAttempt() {
        String guest = "40700000101";
        cloudApi.answerTextsTo(guest, Answer.status(503), Answer.status(503), Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Casa Pescarului is free from 15 June.", "wamid.in.101");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        OutboxRows.Row sent = rows.to(guest).get(0);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.sentWamid()).isEqualTo("wamid.HBgLNDA3MTIzNDU2NzgVAgARGBI3QjNGMTZEOUU0QjA2RTlCNzMA");
        List<LoggedRequest> requests = cloudApi.requestsTo(guest);
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getUrl()).isEqualTo(CloudApiStub.MESSAGES_PATH);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-token");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        });
        assertThat(cloudApi.textsTo(guest).get(0).at("/text/body").asText())
                .isEqualTo("Casa Pescarului is free from 15 June.");
        assertThat(rows.deadLettersOf(sent.id())).isEmpty();
        String metrics = operator.get("/actuator/prometheus").body();
        assertThat(value(metrics, "whatsapp_send_failures_total{code=\"http_503\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "whatsapp_replies_sent_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void deadLettersA131047AtOnceThenDeliversItWhenAnOperatorReplaysIt() throws Exception {
        String guest = "40700000102";
        cloudApi.answerTextsTo(guest, Answer.error(131047));

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Here are the dates you asked about.", "wamid.in.102");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "DEAD"));
        long outboxId = rows.to(guest).get(0).id();
        Map<String, Object> deadLetter = await().atMost(PATIENCE)
                .until(() -> rows.deadLettersOf(outboxId), l -> l.size() == 1)
                .get(0);
        assertThat(cloudApi.requestsTo(guest)).hasSize(1);
        assertThat(deadLetter)
                .containsEntry("meta_code", 131047)
                .containsEntry("attempts", 1)
                .containsEntry("state", "OPEN");
        long id = ((Number) deadLetter.get("id")).longValue();

        JsonNode listed = listedDeadLetter(id);
        assertThat(listed.get("recipient").asText()).isEqualTo("+40*****0102");
        assertThat(listed.get("metaCode").asInt()).isEqualTo(131047);
        assertThat(listed.get("attempts").asInt()).isEqualTo(1);
        assertThat(listed.get("reason").asText()).contains("131047");
        assertThat(listed.get("state").asText()).isEqualTo("OPEN");
        assertThat(listed.hasNonNull("firstFailedAt")).isTrue();
        assertThat(listed.hasNonNull("lastFailedAt")).isTrue();
        assertThat(listed.toString()).doesNotContain(guest).doesNotContain("Here are the dates");
        assertThat(value(operator.get("/actuator/prometheus").body(), "whatsapp_dead_letters"))
                .isGreaterThanOrEqualTo(1);

        assertThat(act(id, "replay", null).statusCode()).isEqualTo(401);
        assertThat(act(id, "replay", "Bearer wrong-token").statusCode()).isEqualTo(401);
        assertThat(rows.to(guest)).hasSize(1);

        StandIns.CloudApi.cloudApi().reset();
        cloudApi.answerTextsTo(guest, Answer.accepted());
        HttpResponse<String> replayed = act(id, "replay", "Bearer test-operator-token");

        assertThat(replayed.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> rows.to(guest).size() == 2
                        && "SENT".equals(rows.to(guest).get(1).state()));
        assertThat(cloudApi.textsTo(guest))
                .singleElement()
                .satisfies(text ->
                        assertThat(text.at("/text/body").asText()).isEqualTo("Here are the dates you asked about."));
        assertThat(listedDeadLetter(id).get("state").asText()).isEqualTo("REPLAYED");
        assertThat(act(id, "replay", "Bearer test-operator-token").statusCode()).isEqualTo(409);
    }

    @Test
    void operatorActionsNameUnknownDeadLettersAndActions() throws Exception {
        String guest = "40700000103";
        cloudApi.answerTextsTo(guest, Answer.error(131051));
        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "An answer Meta will refuse.", "wamid.in.103");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "DEAD"));
        long outboxId = rows.to(guest).get(0).id();
        long id = ((Number) await().atMost(PATIENCE)
                        .until(() -> rows.deadLettersOf(outboxId), l -> l.size() == 1)
                        .get(0)
                        .get("id"))
                .longValue();

        assertThat(act(987654, "replay", "Bearer test-operator-token").statusCode())
                .isEqualTo(404);
        assertThat(act(id, "resend", "Bearer test-operator-token").statusCode()).isEqualTo(400);
        assertThat(act(id, "discard", "Bearer test-operator-token").statusCode())
                .isEqualTo(200);

        assertThat(listedDeadLetter(id).get("state").asText()).isEqualTo("DISCARDED");
        assertThat(rows.to(guest)).hasSize(1);
        assertThat(cloudApi.requestsTo(guest)).hasSize(1);
    }

    @Test
    void pacesTheGuestOnThePairRateLimitThenDelivers() {
        String guest = "40700000104";
        cloudApi.answerTextsTo(guest, Answer.error(131056), Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "First answer.", "wamid.in.104");
        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Second answer.", "wamid.in.104");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        List<LoggedRequest> requests = cloudApi.requestsTo(guest);
        assertThat(requests).hasSize(3);
        assertThat(bodies(guest)).containsExactly("First answer.", "First answer.", "Second answer.");
        // the retry waited at least the pair pacing (300 ms) after Meta's 131056
        assertThat(requests.get(1).getLoggedDate().getTime()
                        - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(300);
        assertThat(rows.to(guest).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void retriesTheThroughputLimitThenDelivers() {
        String guest = "40700000105";
        cloudApi.answerTextsTo(guest, Answer.error(130429), Answer.error(130429), Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Rate limited, then sent.", "wamid.in.105");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        assertThat(cloudApi.requestsTo(guest)).hasSize(3);
        assertThat(rows.to(guest).get(0).attempts()).isEqualTo(3);
        assertThat(value(operator.get("/actuator/prometheus").body(), "whatsapp_send_failures_total{code=\"130429\"}"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStormOfPassingErrorsDeliversEveryReplyOnceAndInOrder() {
        // 20 guests, two replies each, every send failing three times first: an outage (503), Meta's
        // throughput limit (130429), a dropped connection, in a different order per guest
        List<String> guests = java.util.stream.IntStream.range(0, 20)
                .mapToObj(g -> "407009" + String.format("%05d", g))
                .toList();
        List<Answer> errors = List.of(Answer.status(503), Answer.error(130429), Answer.connectionReset());
        for (int g = 0; g < guests.size(); g++) {
            List<Answer> answers = new java.util.ArrayList<>();
            for (int reply = 0; reply < 2; reply++) {
                for (int e = 0; e < 3; e++) {
                    answers.add(errors.get((g + e) % 3));
                }
                answers.add(Answer.accepted());
            }
            cloudApi.answerTextsTo(guests.get(g), answers.toArray(Answer[]::new));
        }

        for (String guest : guests) {
            outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Storm, part one", "wamid.in.storm-" + guest);
            outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Storm, part two", "wamid.in.storm-" + guest);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> guests.stream().allMatch(g -> rows.allIn(g, "SENT")));
        for (String guest : guests) {
            assertThat(cloudApi.requestsTo(guest))
                    .as("4 attempts per reply to %s", guest)
                    .hasSize(8);
            List<JsonNode> texts = cloudApi.textsTo(guest);
            // the second reply is tried only once the first one is through: the accepted ones are attempts 4 and 8
            assertThat(List.of(
                            texts.get(3).at("/text/body").asText(),
                            texts.get(7).at("/text/body").asText()))
                    .containsExactly("Storm, part one", "Storm, part two");
            assertThat(texts.subList(0, 4))
                    .allSatisfy(t -> assertThat(t.at("/text/body").asText()).isEqualTo("Storm, part one"));
            assertThat(rows.to(guest)).allSatisfy(row -> {
                assertThat(row.attempts()).isEqualTo(4);
                assertThat(rows.deadLettersOf(row.id())).isEmpty();
            });
        }
    }

    @Test
    void deadLettersANeverRetryCodeOnTheFirstAttempt() {
        String guest = "40700000106";
        cloudApi.answerTextsTo(guest, Answer.error(131026), Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Undeliverable.", "wamid.in.106");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "DEAD"));
        long outboxId = rows.to(guest).get(0).id();
        await().atMost(PATIENCE).until(() -> rows.deadLettersOf(outboxId).size() == 1);
        assertThat(cloudApi.requestsTo(guest)).hasSize(1);
        assertThat(rows.deadLettersOf(outboxId).get(0))
                .containsEntry("meta_code", 131026)
                .containsEntry("attempts", 1);
    }

    @Test
    void retriesALostConnectionThenDelivers() {
        String guest = "40700000107";
        cloudApi.answerTextsTo(guest, Answer.connectionReset(), Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Sent on the second try.", "wamid.in.107");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        assertThat(cloudApi.requestsTo(guest)).hasSize(2);
        assertThat(rows.to(guest).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void sendsOneGuestsRepliesInQueueOrder() {
        String guest = "40700000108";
        cloudApi.answerTextsTo(guest, Answer.accepted());
        List<String> parts = List.of("one", "two", "three", "four", "five", "six");

        parts.forEach(part -> outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, part, "wamid.in.108"));

        await().atMost(PATIENCE)
                .until(() -> rows.allIn(guest, "SENT") && rows.to(guest).size() == parts.size());
        assertThat(bodies(guest)).containsExactlyElementsOf(parts);
    }

    @Test
    void aGuestWhoseRepliesFailDoesNotHoldUpAnother() {
        String failing = "40700000109";
        String healthy = "40700000110";
        cloudApi.answerTextsTo(failing, Answer.status(500));
        cloudApi.answerTextsTo(healthy, Answer.accepted());

        outbox.enqueueText(failing, failing, PHONE_NUMBER_ID, "failing first", "wamid.in.109");
        outbox.enqueueText(failing, failing, PHONE_NUMBER_ID, "failing second", "wamid.in.109");
        outbox.enqueueText(healthy, healthy, PHONE_NUMBER_ID, "healthy first", "wamid.in.110");
        outbox.enqueueText(healthy, healthy, PHONE_NUMBER_ID, "healthy second", "wamid.in.110");

        await().atMost(PATIENCE).until(() -> rows.allIn(healthy, "SENT"));
        assertThat(bodies(healthy)).containsExactly("healthy first", "healthy second");
        // the failing guest's second reply waits behind the first, which is retried until it is dead-lettered
        await().atMost(PATIENCE).until(() -> rows.allIn(failing, "DEAD"));
        List<String> failingBodies = bodies(failing);
        assertThat(failingBodies.subList(0, 6)).containsOnly("failing first");
        assertThat(failingBodies.subList(6, failingBodies.size())).containsOnly("failing second");
        assertThat(rows.to(failing).get(0).attempts()).isEqualTo(6);
        assertThat(rows.deadLettersOf(rows.to(failing).get(0).id())
                        .get(0)
                        .get("reason")
                        .toString())
                .startsWith("gave up after 6 attempts");
    }

    @Test
    void sendsTheReadReceiptWithTypingIndicator() {
        String guest = "40700000111";
        String messageId = "wamid.in.111";
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(CloudApiStub.MESSAGES_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.message_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(messageId)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        CloudApiStub.graphResponse("read-success.json"))));

        outbox.enqueueReadReceipt(guest, guest, PHONE_NUMBER_ID, messageId);

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        assertThat(cloudApi.readReceiptsOf(messageId)).singleElement().satisfies(body -> {
            assertThat(body.get("status").asText()).isEqualTo("read");
            assertThat(body.at("/typing_indicator/type").asText()).isEqualTo("text");
        });
        assertThat(value(operator.get("/actuator/prometheus").body(), "whatsapp_read_receipts_sent_total"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReplyReportedPastTheWindowAfterSendingIsDeadLetteredWithTheReasonWhenNoTemplateIsSet() {
        String guest = "40739099603";
        String wamid = "wamid.StB5+QXHWF2bJZ4UADhwOIn4Jhp8kRI6dilXeFsy";
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v[0-9.]+/[0-9]+/messages"))
                .atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(guest)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Your dates are free.", "wamid.in.131047");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));

        byte[] status =
                org.holidaydesk.assistant.support.Fixtures.resource("fixtures/bodies/status_failed_131047.json");
        assertThat(new WebhookClient(port)
                        .postCallback(status, org.holidaydesk.assistant.support.Fixtures.sign(status))
                        .statusCode())
                .isEqualTo(200);

        long outboxId = rows.to(guest).get(0).id();
        Map<String, Object> deadLetter = await().atMost(PATIENCE)
                .until(() -> rows.deadLettersOf(outboxId), l -> l.size() == 1)
                .get(0);
        assertThat(deadLetter).containsEntry("meta_code", 131047).containsEntry("state", "OPEN");
        assertThat((String) deadLetter.get("reason")).contains("24-hour window", "131047");
        assertThat(cloudApi.textsTo(guest))
                .noneMatch(body -> "template".equals(body.path("type").asText()));
    }

    @Test
    void withoutAModelKeyAVoiceNoteIsNeverDownloadedAndTheGuestIsAskedToType() {
        String guest = "40700000199";
        byte[] voice = new String(
                        org.holidaydesk.assistant.support.Fixtures.resource("fixtures/bodies/audio_voice.json"),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("40739099603", guest)
                .replace("RO.0824628194821993", "RO.0000000000000199")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        cloudApi.answerTextsTo(guest, Answer.accepted());

        assertThat(new WebhookClient(port)
                        .postCallback(voice, org.holidaydesk.assistant.support.Fixtures.sign(voice))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> cloudApi.textsTo(guest).stream()
                        .anyMatch(body -> body.at("/text/body").asText().contains("*type*")));
        assertThat(wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*"))))
                .isEmpty();
    }

    @Test
    void keepsAReplyQueuedWhileTheSendRateCannotBeReadAndSendsItOnceWhenItCan() {
        String guest = "40700000131";
        cloudApi.answerTextsTo(guest, Answer.accepted());
        jdbc.execute("ALTER TABLE send_budget RENAME TO send_budget_unreachable");
        try {
            outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Vila Franceza is free that weekend.", "wamid.in.131");

            // no slot: back to the queue for a moment, its attempts untouched, and nothing sent
            await().atMost(PATIENCE)
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM outbox WHERE recipient = ?"
                                            + " AND state = 'PENDING' AND attempts = 0 AND lease_owner IS NULL AND next_attempt_at > created_at",
                                    Integer.class,
                                    guest)
                            == 1);
            assertThat(cloudApi.requestsTo(guest)).isEmpty();
        } finally {
            jdbc.execute("ALTER TABLE send_budget_unreachable RENAME TO send_budget");
        }

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        assertThat(rows.to(guest))
                .singleElement()
                .satisfies(row -> assertThat(row.attempts()).isEqualTo(1));
        assertThat(bodies(guest)).containsExactly("Vila Franceza is free that weekend.");
    }

    private List<String> bodies(String guest) {
        return cloudApi.textsTo(guest).stream()
                .map(text -> text.at("/text/body").asText())
                .toList();
    }

    private JsonNode listedDeadLetter(long id) throws Exception {
        HttpResponse<String> list = operator.get("/actuator/deadletters");
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode letter : JSON.readTree(list.body())) {
            if (letter.get("id").asLong() == id) {
                return letter;
            }
        }
        throw new AssertionError("dead letter " + id + " is not listed: " + list.body());
    }

    private HttpResponse<String> act(long id, String action, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(operator.baseUrl() + "/actuator/deadletters/" + id))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return operator.send(request.build());
    }

    static double value(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(-1);
    }
}
