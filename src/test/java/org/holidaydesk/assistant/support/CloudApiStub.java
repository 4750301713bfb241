package org.holidaydesk.assistant.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The WhatsApp Cloud API as the tests play it: WireMock on a loopback port answering each recipient
 * with Meta's recorded answers ({@code fixtures/graph-responses}), one after another when several are
 * given (the last one repeats).
 */
public final class CloudApiStub {

    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String MESSAGES_PATH = "/v24.0/" + PHONE_NUMBER_ID + "/messages";
    private static final String ANY_MESSAGES_PATH = "/v[0-9.]+/[0-9]+/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer of the Cloud API. */
    public record Answer(int status, String fixture, Fault fault) {

        /** {@code success.json} for a text, with the message id. */
        public static Answer accepted() {
            return new Answer(200, "success.json", null);
        }

        /** Meta's error answer from {@code error-<code>.json}, with its documented HTTP status. */
        public static Answer error(int code) {
            return new Answer(httpStatusOf(code), "error-" + code + ".json", null);
        }

        /** A bare HTTP status without Meta's JSON, as a proxy or an outage answers. */
        public static Answer status(int status) {
            return new Answer(status, null, null);
        }

        /** The connection drops without an answer. */
        public static Answer connectionReset() {
            return new Answer(0, null, Fault.CONNECTION_RESET_BY_PEER);
        }

        public ResponseDefinitionBuilder response() {
            if (fault != null) {
                return aResponse().withFault(fault);
            }
            ResponseDefinitionBuilder response = aResponse().withStatus(status);
            return fixture == null
                    ? response.withBody("upstream unavailable")
                    : response.withHeader("Content-Type", "application/json").withBody(graphResponse(fixture));
        }
    }

    public static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    private final Stubbing server;

    /** Over a WireMock server of the test's, or a family's shared one ({@link CloudApiServer#server()}). */
    public CloudApiStub(Stubbing server) {
        this.server = server;
    }

    /** Texts to this recipient get these answers in turn; the last one repeats. */
    public void answerTextsTo(String recipient, Answer... answers) {
        answer(matchingJsonPath("$.to", equalTo(recipient)), "to-" + recipient, answers);
    }

    /** Read receipts for this guest message get these answers in turn; the last one repeats. */
    public void answerReadReceiptOf(String messageId, Answer... answers) {
        answer(matchingJsonPath("$.message_id", equalTo(messageId)), "read-" + messageId, answers);
    }

    private void answer(
            com.github.tomakehurst.wiremock.matching.StringValuePattern body, String scenario, Answer... answers) {
        if (answers.length == 1) {
            server.stubFor(post(urlPathMatching(ANY_MESSAGES_PATH))
                    .withRequestBody(body)
                    .willReturn(answers[0].response()));
            return;
        }
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = post(urlPathMatching(ANY_MESSAGES_PATH))
                    .withRequestBody(body)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i);
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("answer-" + (i + 1));
            }
            server.stubFor(stub.willReturn(answers[i].response()));
        }
    }

    /** The texts that reached the Cloud API for this recipient, in the order they arrived. */
    public List<JsonNode> textsTo(String recipient) {
        return bodies(postRequestedFor(urlPathMatching(ANY_MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(recipient))));
    }

    /** The read receipts that reached the Cloud API for this guest message. */
    public List<JsonNode> readReceiptsOf(String messageId) {
        return bodies(postRequestedFor(urlPathMatching(ANY_MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.message_id", equalTo(messageId))));
    }

    public List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requestsTo(String recipient) {
        return server.findAll(postRequestedFor(urlPathMatching(ANY_MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(recipient))));
    }

    public int allRequests() {
        return server.findAll(postRequestedFor(urlPathMatching(".*"))).size()
                + server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching(".*")))
                        .size();
    }

    private List<JsonNode> bodies(RequestPatternBuilder pattern) {
        return server.findAll(pattern).stream()
                .map(request -> {
                    try {
                        return JSON.readTree(request.getBodyAsString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    public static String graphResponse(String fixture) {
        return new String(Fixtures.resource("fixtures/graph-responses/" + fixture), StandardCharsets.UTF_8);
    }

    /** The HTTP status Meta answers a code with, from {@code graph-responses/index.json}. */
    public static int httpStatusOf(int code) {
        try {
            JsonNode index = JSON.readTree(Fixtures.resource("fixtures/graph-responses/index.json"));
            return index.path("error-" + code + ".json").path("http_status").asInt(400);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
