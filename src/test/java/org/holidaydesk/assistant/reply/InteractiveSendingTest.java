package org.holidaydesk.assistant.reply;

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
import java.util.Map;
import java.util.stream.IntStream;
import org.holidaydesk.assistant.support.CloudApiServiceTest;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.CloudApiStub.Answer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replies with choices against a Cloud API played by WireMock: the queued reply buttons or list reach
 * Meta as its documented interactive message, and an operator replays or discards one that was
 * dead-lettered like any other reply.
 */
@CloudApiServiceTest
class InteractiveSendingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_NUMBER_ID = CloudApiStub.PHONE_NUMBER_ID;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<Choice> TWO = List.of(
            new Choice("prop_casa-pescarului", "Casa Pescarului"), new Choice("prop_vila-franceza", "Vila Franceza"));

    /** The family's Cloud API stand-in, reset before each test. */
    static final WireMockServer wireMock = StandIns.CloudApi.cloudApi().server();

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @LocalManagementPort
    int managementPort;

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
    void sendsReplyButtonsAsMetaDocumentsThem() throws Exception {
        String guest = "40712345678";
        cloudApi.answerTextsTo(guest, Answer.accepted());

        outbox.enqueueChoices(
                guest,
                guest,
                PHONE_NUMBER_ID,
                "Both are free on those dates. Which one?",
                TWO,
                "See properties",
                "wamid.in.120");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));
        assertThat(rows.to(guest)).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("interactive");
            assertThat(row.sentWamid()).isEqualTo("wamid.HBgLNDA3MTIzNDU2NzgVAgARGBI3QjNGMTZEOUU0QjA2RTlCNzMA");
        });
        assertThat(cloudApi.requestsTo(guest)).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo(CloudApiStub.MESSAGES_PATH);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-token");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        });
        assertThat(cloudApi.textsTo(guest))
                .singleElement()
                .isEqualTo(JSON.readTree(Fixtures.resource("fixtures/outbound/buttons.json")));
    }

    @Test
    void sendsTheTextBeforeAListInQueueOrder() {
        String guest = "40700000122";
        cloudApi.answerTextsTo(guest, Answer.accepted());
        String lead = "Casa Pescarului sits on the Danube in Sulina, with a river view. "
                .repeat(20)
                .strip();
        List<Choice> five = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new Choice("prop_" + i, "Casa " + i, i + " rooms"))
                .toList();

        outbox.enqueueChoices(
                guest, guest, PHONE_NUMBER_ID, lead + "\n\nWhich one?", five, "See properties", "wamid.in.122");

        await().atMost(PATIENCE)
                .until(() -> rows.allIn(guest, "SENT") && rows.to(guest).size() == 2);
        List<JsonNode> sent = cloudApi.textsTo(guest);
        assertThat(sent).extracting(request -> request.get("type").asText()).containsExactly("text", "interactive");
        assertThat(sent.get(0).at("/text/body").asText()).isEqualTo(lead);
        JsonNode list = sent.get(1).get("interactive");
        assertThat(list.get("type").asText()).isEqualTo("list");
        assertThat(list.at("/body/text").asText()).isEqualTo("Which one?");
        assertThat(list.at("/action/button").asText()).isEqualTo("See properties");
        assertThat(list.at("/action/sections/0/rows"))
                .extracting(row -> row.get("id").asText())
                .containsExactly("prop_1", "prop_2", "prop_3", "prop_4", "prop_5");
    }

    @Test
    void replaysADeadLetteredInteractiveReplyWithTheSameButtons() throws Exception {
        String guest = "40700000121";
        cloudApi.answerTextsTo(guest, Answer.error(131047));

        outbox.enqueueChoices(
                guest, guest, PHONE_NUMBER_ID, "Both are free on those dates. Which one?", TWO, null, "wamid.in.121");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "DEAD"));
        long outboxId = rows.to(guest).get(0).id();
        Map<String, Object> deadLetter = await().atMost(PATIENCE)
                .until(() -> rows.deadLettersOf(outboxId), l -> l.size() == 1)
                .get(0);
        assertThat(deadLetter).containsEntry("kind", "interactive").containsEntry("meta_code", 131047);
        JsonNode refused = cloudApi.textsTo(guest).get(0);
        long id = ((Number) deadLetter.get("id")).longValue();
        JsonNode listed = listedDeadLetter(id);
        assertThat(listed.get("kind").asText()).isEqualTo("interactive");
        assertThat(listed.get("recipient").asText()).isEqualTo("+40*****0121");
        assertThat(listed.toString())
                .doesNotContain(guest)
                .doesNotContain("Which one")
                .doesNotContain("Casa Pescarului");

        StandIns.CloudApi.cloudApi().reset();
        cloudApi.answerTextsTo(guest, Answer.accepted());
        assertThat(act(id, "replay").statusCode()).isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> rows.to(guest).size() == 2
                        && "SENT".equals(rows.to(guest).get(1).state()));
        assertThat(rows.to(guest).get(1).kind()).isEqualTo("interactive");
        assertThat(cloudApi.textsTo(guest)).singleElement().isEqualTo(refused);
        assertThat(refused.at("/interactive/action/buttons/1/reply/id").asText())
                .isEqualTo("prop_vila-franceza");
        assertThat(listedDeadLetter(id).get("state").asText()).isEqualTo("REPLAYED");
    }

    @Test
    void discardsADeadLetteredInteractiveReply() throws Exception {
        String guest = "40700000123";
        cloudApi.answerTextsTo(guest, Answer.error(131026));

        outbox.enqueueChoices(guest, guest, PHONE_NUMBER_ID, "Which one?", TWO, null, "wamid.in.123");

        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "DEAD"));
        long outboxId = rows.to(guest).get(0).id();
        long id = ((Number) await().atMost(PATIENCE)
                        .until(() -> rows.deadLettersOf(outboxId), l -> l.size() == 1)
                        .get(0)
                        .get("id"))
                .longValue();

        assertThat(act(id, "discard").statusCode()).isEqualTo(200);

        assertThat(listedDeadLetter(id).get("state").asText()).isEqualTo("DISCARDED");
        assertThat(rows.to(guest)).hasSize(1);
        assertThat(cloudApi.requestsTo(guest)).hasSize(1);
    }

    private JsonNode listedDeadLetter(long id) throws Exception {
        HttpResponse<String> list = operator.get("/actuator/deadletters");
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode letter : JSON.readTree(list.body())) {
            if (letter.get("id").asLong() == id) {
                return letter;
            }
        }
        throw new AssertionError("dead letter " + id + " is not listed");
    }

    private HttpResponse<String> act(long id, String action) {
        return operator.send(HttpRequest.newBuilder(URI.create(operator.baseUrl() + "/actuator/deadletters/" + id))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer test-operator-token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}"))
                .build());
    }
}
