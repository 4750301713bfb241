package org.holidaydesk.assistant.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.InboxRows;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The webhook's edges beyond the fixtures: verification, bodies of unknown length, the metrics it keeps. */
@ServiceTest
class WebhookIngressTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WebhookClient client;
    InboxRows inbox;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
        inbox = new InboxRows(jdbc);
    }

    @Test
    void echoesTheChallengeWhenTheVerifyTokenMatches() {
        HttpResponse<String> response = client.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + Fixtures.VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void refusesVerificationWithAnotherToken() {
        HttpResponse<String> response =
                client.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("1158201444");
    }

    @Test
    void refusesVerificationWithoutSubscribeMode() {
        HttpResponse<String> response = client.get("/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token="
                + Fixtures.VERIFY_TOKEN + "&hub.challenge=42");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnOversizeBodySentWithoutContentLength() {
        byte[] body = Fixtures.oversizeBody(3_300_000);
        long before = inbox.count();

        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/webhooks/whatsapp"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", Fixtures.sign(body))
                        .POST(chunked(body))
                        .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(inbox.count()).isEqualTo(before);
    }

    @Test
    void acceptsACallbackJustUnderTheLimit() {
        byte[] body = Fixtures.oversizeBody(3_000_000);
        long before = inbox.count();

        HttpResponse<String> response = client.postCallback(body, Fixtures.sign(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.count()).isEqualTo(before + 1);
    }

    @Test
    void refusesASignatureInUpperCaseHexOfAnotherBody() {
        byte[] body = Fixtures.textCallback("wamid.upper", "hello");
        String otherSignature = Fixtures.sign("{}".getBytes(StandardCharsets.UTF_8))
                .toUpperCase()
                .replace("SHA256=", "sha256=");

        assertThat(client.postCallback(body, otherSignature).statusCode()).isEqualTo(401);
    }

    /** A body publisher that hides its length, so the request goes out chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
