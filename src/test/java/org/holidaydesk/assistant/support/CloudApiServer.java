package org.holidaydesk.assistant.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The WhatsApp Cloud API on loopback (WireMock) for whole-service tests: accepts every send and records it. */
public final class CloudApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/(v\\d+\\.\\d+)/([^/]+)/messages");

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    /** One request the service sent: the number it was sent from, and its JSON body. */
    public record Send(String phoneNumberId, String authorization, JsonNode body, long loggedAtMillis) {
        public boolean isText() {
            return "text".equals(body.path("type").asText());
        }

        public boolean isInteractive() {
            return "interactive".equals(body.path("type").asText());
        }

        public boolean isReadReceipt() {
            return "read".equals(body.path("status").asText());
        }

        public String to() {
            return body.path("to").asText();
        }

        /** A text message's body, or an interactive message's body text. */
        public String text() {
            return isInteractive()
                    ? body.at("/interactive/body/text").asText()
                    : body.at("/text/body").asText();
        }
    }

    public CloudApiServer() {
        // every cta_url and flow message the suite sends is kept, to be checked against Meta's documented shape
        server.addMockServiceRequestListener((request, response) -> {
            try {
                MetaMessageShape.collect(JSON.readTree(request.getBodyAsString()));
            } catch (IOException | RuntimeException notJson) {
                // read receipts and handoff notes are checked elsewhere
            }
        });
        server.start();
        acceptEverySend();
    }

    /** Every send no other stub answers is accepted. */
    private void acceptEverySend() {
        server.stubFor(post(urlPathMatching("/v\\d+\\.\\d+/[^/]+/messages"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CloudApiStub.graphResponse("success.json"))));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** Every request so far, oldest first. */
    public List<Send> sends() {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(CloudApiServer::toSend)
                .toList();
    }

    public List<Send> textSends() {
        return sends().stream().filter(Send::isText).toList();
    }

    /** What the guests read: text and interactive messages (reply buttons, lists), not read receipts. */
    public List<Send> answerSends() {
        return sends().stream()
                .filter(send -> send.isText() || send.isInteractive())
                .toList();
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    /** Back to accepting every send, with no request recorded: what a test sharing this stand-in starts from. */
    public void reset() {
        server.resetAll();
        acceptEverySend();
    }

    private static Send toSend(LoggedRequest request) {
        Matcher path = PATH.matcher(request.getUrl());
        String phoneNumberId = path.find() ? path.group(2) : null;
        try {
            return new Send(
                    phoneNumberId,
                    request.getHeader("Authorization"),
                    JSON.readTree(request.getBodyAsString()),
                    request.getLoggedDate().getTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
