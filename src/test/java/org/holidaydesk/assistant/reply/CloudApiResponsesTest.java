package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Reading Meta's answers: the message id of an accepted send, the code and words of a refusal. */
class CloudApiResponsesTest {

    @Test
    void readsTheMessageIdOfAnAcceptedText() {
        SendResult result = CloudApiResponses.read(200, graph("success.json"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.messageId()).isEqualTo("wamid.HBgLNDA3MTIzNDU2NzgVAgARGBI3QjNGMTZEOUU0QjA2RTlCNzMA");
    }

    @Test
    void acceptsAReadReceiptWithoutMessageId() {
        SendResult result = CloudApiResponses.read(200, graph("read-success.json"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.messageId()).isNull();
    }

    @Test
    void readsTheCodeAndDescriptionOfAnError() {
        SendResult result = CloudApiResponses.read(401, graph("error-190.json"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.metaCode()).isEqualTo(190);
        assertThat(result.metaMessage())
                .contains("Error validating access token")
                .contains("Access token expired or invalid.");
        assertThat(result.failureCode()).isEqualTo("190");
        assertThat(result.describe()).isEqualTo("Meta error 190: " + result.metaMessage() + " (HTTP 401)");
    }

    @Test
    void keepsOnlyTheStatusOfAnAnswerThatIsNotJson() {
        SendResult result = CloudApiResponses.read(502, "<html>Bad gateway</html>");

        assertThat(result.metaCode()).isNull();
        assertThat(result.failureCode()).isEqualTo("http_502");
    }

    @Test
    void namesTimeoutsAndLostConnectionsApartInMetrics() {
        assertThat(SendResult.unanswered("SocketTimeoutException").failureCode())
                .isEqualTo("timeout");
        assertThat(SendResult.unanswered("HttpHostConnectException").failureCode())
                .isEqualTo("connection");
    }

    private static String graph(String name) {
        return new String(Fixtures.resource("fixtures/graph-responses/" + name), StandardCharsets.UTF_8);
    }
}
