package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.holidaydesk.assistant.support.CloudApiServiceTest;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.CloudApiStub.Answer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OutboxRows;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A token (190) or account (368) error stops all sending: the other guests' replies stay queued and
 * untouched, the operator sees it in health, metrics and one log message, Meta's callbacks are still
 * acknowledged, and once Meta accepts again the held replies go out by themselves, in order.
 */
@CloudApiServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PausedSendingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_NUMBER_ID = CloudApiStub.PHONE_NUMBER_ID;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The family's Cloud API stand-in, reset before each test. */
    static final WireMockServer wireMock = StandIns.CloudApi.cloudApi().server();

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    CloudApiStub cloudApi;
    OutboxRows rows;
    WebhookClient meta;
    WebhookClient operator;

    @BeforeEach
    void connect() {
        cloudApi = new CloudApiStub(wireMock);
        rows = new OutboxRows(jdbc);
        meta = new WebhookClient(port);
        operator = new WebhookClient(managementPort);
    }

    @ParameterizedTest(name = "Meta error {0}")
    @ValueSource(ints = {190, 368})
    void stopsSendingToEveryoneThenResumesByItselfInOrder(int code, CapturedOutput output) throws Exception {
        String first = "4070" + code + "0001";
        String second = "4070" + code + "0002";
        String third = "4070" + code + "0003";
        cloudApi.answerTextsTo(first, Answer.error(code));
        cloudApi.answerTextsTo(second, Answer.error(code));
        cloudApi.answerTextsTo(third, Answer.error(code));

        outbox.enqueueText(first, first, PHONE_NUMBER_ID, "first guest's answer", "wamid.in.1");
        await().atMost(PATIENCE).until(() -> paused(code));
        outbox.enqueueText(second, second, PHONE_NUMBER_ID, "second guest, part one", "wamid.in.2");
        outbox.enqueueText(second, second, PHONE_NUMBER_ID, "second guest, part two", "wamid.in.2");
        outbox.enqueueText(third, third, PHONE_NUMBER_ID, "third guest's answer", "wamid.in.3");

        // while paused only one queued reply is tried per probe interval: the oldest
        await().atMost(PATIENCE).until(() -> cloudApi.requestsTo(first).size() >= 3);
        assertThat(cloudApi.requestsTo(second)).isEmpty();
        assertThat(cloudApi.requestsTo(third)).isEmpty();
        assertThat(rows.allIn(first, "PENDING")).isTrue();
        assertThat(rows.allIn(second, "PENDING")).isTrue();
        assertThat(rows.to(first).get(0).attempts()).isZero();
        assertThat(rows.to(first).get(0).lastErrorCode()).isEqualTo(code);

        JsonNode health = JSON.readTree(operator.get("/actuator/health").body());
        assertThat(health.at("/components/cloudApi/status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(health.at("/components/cloudApi/details/metaCode").asInt()).isEqualTo(code);
        assertThat(health.at("/components/cloudApi/details/reason").asText()).contains(String.valueOf(code));
        HttpResponse<String> readiness = operator.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asText()).isEqualTo("UP");
        assertThat(CloudApiSendingTest.value(
                        operator.get("/actuator/prometheus").body(), "whatsapp_sending_paused"))
                .isEqualTo(1.0);

        byte[] callback = Fixtures.textCallback("wamid.during-pause-" + code, "Are you there?");
        assertThat(meta.postCallback(callback, Fixtures.sign(callback)).statusCode())
                .isEqualTo(200);

        assertThat(output.getOut().split("Sending to WhatsApp is PAUSED", -1)).hasSize(2);

        StandIns.CloudApi.cloudApi().reset();
        cloudApi.answerTextsTo(first, Answer.accepted());
        cloudApi.answerTextsTo(second, Answer.accepted());
        cloudApi.answerTextsTo(third, Answer.accepted());

        await().atMost(PATIENCE)
                .until(() -> rows.allIn(first, "SENT") && rows.allIn(second, "SENT") && rows.allIn(third, "SENT"));
        assertThat(cloudApi.textsTo(second))
                .extracting(text -> text.at("/text/body").asText())
                .containsExactly("second guest, part one", "second guest, part two");
        assertThat(cloudApi.textsTo(third)).hasSize(1);
        assertThat(CloudApiSendingTest.value(
                        operator.get("/actuator/prometheus").body(), "whatsapp_sending_paused"))
                .isEqualTo(0.0);
        assertThat(JSON.readTree(operator.get("/actuator/health").body())
                        .at("/components/cloudApi/status")
                        .asText())
                .isEqualTo("UP");
        assertThat(output.getOut()).contains("Sending to WhatsApp resumed");
    }

    private boolean paused(int code) throws Exception {
        JsonNode health = JSON.readTree(operator.get("/actuator/health").body());
        return "OUT_OF_SERVICE".equals(health.at("/components/cloudApi/status").asText())
                && health.at("/components/cloudApi/details/metaCode").asInt() == code;
    }
}
