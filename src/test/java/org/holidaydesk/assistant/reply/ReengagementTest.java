package org.holidaydesk.assistant.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.CloudApiStub.Answer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replies past WhatsApp's 24-hour window with a re-engagement template configured: Meta's 131047, on
 * the send or in a later failed status, sends the template once, holds the reply, and the reply goes out
 * as soon as the guest writes again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "WHATSAPP_ACCESS_TOKEN=test-token",
            "WHATSAPP_REENGAGE_TEMPLATE=continue_conversation:en",
            "MANAGEMENT_PORT=0",
            "DATABASE_URL=jdbc:h2:mem:reengagement;DB_CLOSE_DELAY=-1",
            "assistant.pipeline.poll-interval=50",
            "assistant.reply.poll-interval=50",
            "assistant.reply.pair-pacing=0ms"
        })
@AutoConfigureMetrics
@DirtiesContext
class ReengagementTest {

    private static final String PHONE_NUMBER_ID = CloudApiStub.PHONE_NUMBER_ID;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

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

    CloudApiStub cloudApi;
    OutboxRows rows;

    @BeforeEach
    void connect() {
        cloudApi = new CloudApiStub(wireMock);
        rows = new OutboxRows(jdbc);
    }

    @Test
    void aReplyRefusedWith131047SendsTheTemplateAndGoesOutWhenTheGuestWritesAgain() {
        String guest = "40700000401";
        answerTexts(guest, Answer.error(131047));
        answerTemplates(guest, Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Casa Pescarului is free from 15 June.", "wamid.in.401");

        await().atMost(PATIENCE).until(() -> templatesTo(guest).size() == 1);
        JsonNode template = templatesTo(guest).get(0);
        assertThat(template.at("/template/name").asText()).isEqualTo("continue_conversation");
        assertThat(template.at("/template/language/code").asText()).isEqualTo("en");
        await().atMost(PATIENCE).until(() -> states(guest).contains(Reengagement.AWAITING));
        assertThat(rows.deadLettersOf(rows.to(guest).get(0).id())).isEmpty();

        // a second late reply does not send a second template
        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "And Vila Franceza too.", "wamid.in.401b");
        await().atMost(PATIENCE)
                .until(() -> states(guest).stream()
                                .filter(Reengagement.AWAITING::equals)
                                .count()
                        == 2);
        assertThat(templatesTo(guest)).hasSize(1);

        answerTexts(guest, Answer.accepted());
        guestWrites(guest, "wamid.reengage-401", "Hi again, yes please");

        await().atMost(PATIENCE)
                .until(() -> textBodies(guest).stream()
                                .filter("And Vila Franceza too."::equals)
                                .count()
                        == 2);
        List<String> texts = textBodies(guest);
        int first = texts.lastIndexOf("Casa Pescarului is free from 15 June.");
        int second = texts.lastIndexOf("And Vila Franceza too.");
        assertThat(first).isLessThan(second);
        assertThat(states(guest)).doesNotContain(Reengagement.AWAITING);
    }

    @Test
    void aFailedStatusWith131047AfterSendingHoldsTheReplyAgainBehindTheTemplate() {
        String guest = "40739099603";
        String wamid = "wamid.StB5+QXHWF2bJZ4UADhwOIn4Jhp8kRI6dilXeFsy";
        wireMock.stubFor(post(urlPathMatching("/v[0-9.]+/[0-9]+/messages"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(guest)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        answerTemplates(guest, Answer.accepted());

        outbox.enqueueText(guest, guest, PHONE_NUMBER_ID, "Your dates are free.", "wamid.in.402");
        await().atMost(PATIENCE).until(() -> rows.allIn(guest, "SENT"));

        byte[] status = Fixtures.resource("fixtures/bodies/status_failed_131047.json");
        assertThat(new WebhookClient(port)
                        .postCallback(status, Fixtures.sign(status))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(PATIENCE).until(() -> templatesTo(guest).size() == 1);
        await().atMost(PATIENCE).until(() -> states(guest).contains(Reengagement.AWAITING));

        guestWrites(guest, "wamid.reengage-402", "Still interested");
        await().atMost(PATIENCE)
                .until(() -> textBodies(guest).stream()
                                .filter("Your dates are free."::equals)
                                .count()
                        == 2);
    }

    private void guestWrites(String guest, String wamid, String text) {
        byte[] body = new String(Fixtures.textCallback(wamid, text), StandardCharsets.UTF_8)
                .replace("40752601815", guest)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookClient(port)
                        .postCallback(body, Fixtures.sign(body))
                        .statusCode())
                .isEqualTo(200);
    }

    private void answerTexts(String guest, Answer answer) {
        wireMock.stubFor(post(urlPathMatching("/v[0-9.]+/[0-9]+/messages"))
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(guest)))
                .willReturn(answer.response()));
    }

    private void answerTemplates(String guest, Answer answer) {
        wireMock.stubFor(post(urlPathMatching("/v[0-9.]+/[0-9]+/messages"))
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(guest)))
                .willReturn(answer.response()));
    }

    private List<JsonNode> templatesTo(String guest) {
        return cloudApi.textsTo(guest).stream()
                .filter(body -> "template".equals(body.path("type").asText()))
                .toList();
    }

    private List<String> textBodies(String guest) {
        return cloudApi.textsTo(guest).stream()
                .filter(body -> "text".equals(body.path("type").asText()))
                .map(body -> body.at("/text/body").asText())
                .toList();
    }

    private List<String> states(String guest) {
        return jdbc.queryForList(
                "SELECT state FROM outbox WHERE recipient = ? AND kind = 'text' ORDER BY id", String.class, guest);
    }
}
