package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What follows each of Meta's answers, code by code as {@code fixtures/README.md} tables them. */
class ErrorPolicyTest {

    private static final ReplyProperties PROPERTIES = new ReplyProperties(
            Duration.ofMillis(250),
            50,
            Duration.ofSeconds(60),
            6,
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            Duration.ofSeconds(6),
            Duration.ofMinutes(15),
            80,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20));

    /** nextDouble() is 0: the shortest wait the jitter allows. */
    private static final RandomGenerator LOWEST = () -> 0L;
    /** nextDouble() is just under 1: the longest. */
    private static final RandomGenerator HIGHEST = () -> -1L;

    private final ErrorPolicy policy = new ErrorPolicy(PROPERTIES, LOWEST);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "130429, RETRY",
        "4, RETRY",
        "80007, RETRY",
        "131000, RETRY",
        "131048, RETRY",
        "131056, PACE",
        "131047, DEAD_LETTER",
        "131026, DEAD_LETTER",
        "131008, DEAD_LETTER",
        "131009, DEAD_LETTER",
        "131051, DEAD_LETTER",
        "131053, DEAD_LETTER",
        "100, DEAD_LETTER",
        "131049, RETRY",
        "131050, DEAD_LETTER",
        "130497, DEAD_LETTER",
        "139200, DEAD_LETTER",
        "190, PAUSE",
        "368, PAUSE"
    })
    void actsOnEveryCodeOfTheTable(int code, SendAction expected) throws IOException {
        SendResult result = recorded(code);

        Decision decision = policy.decide(result, 1);

        assertThat(decision.action()).isEqualTo(expected);
        assertThat(decision.reason()).contains(String.valueOf(code));
    }

    @Test
    void everyRecordedErrorIsRetryableExactlyWhenTheIndexSaysSo() throws IOException {
        JsonNode index = new ObjectMapper().readTree(Fixtures.resource("fixtures/graph-responses/index.json"));
        index.fields().forEachRemaining(entry -> {
            if (!entry.getKey().startsWith("error-")) {
                return;
            }
            int code = entry.getValue().get("code").asInt();
            SendAction action = policy.decide(recordedUnchecked(code), 1).action();
            boolean retried = action == SendAction.RETRY || action == SendAction.PACE;
            assertThat(retried)
                    .as("code %d (%s)", code, action)
                    .isEqualTo(entry.getValue().get("retryable").asBoolean());
        });
    }

    @Test
    void deliversAnAcceptedSend() {
        Decision decision = policy.decide(SendResult.answered(200, null, null, "wamid.x"), 1);

        assertThat(decision.action()).isEqualTo(SendAction.DELIVER);
    }

    @Test
    void retriesServerErrorsAndAnswersThatNeverCame() {
        assertThat(policy.decide(SendResult.answered(503, null, null, null), 1).action())
                .isEqualTo(SendAction.RETRY);
        assertThat(policy.decide(SendResult.answered(502, null, null, null), 1).action())
                .isEqualTo(SendAction.RETRY);
        assertThat(policy.decide(SendResult.unanswered("SocketTimeoutException"), 1)
                        .action())
                .isEqualTo(SendAction.RETRY);
        assertThat(policy.decide(SendResult.unanswered("HttpHostConnectException"), 1)
                        .action())
                .isEqualTo(SendAction.RETRY);
    }

    @Test
    void deadLettersAnUnknownClientError() {
        Decision decision = policy.decide(SendResult.answered(400, 999999, "(#999999) Something new", null), 1);

        assertThat(decision.action()).isEqualTo(SendAction.DEAD_LETTER);
    }

    @Test
    void givesUpOnTheAttemptThatReachesTheLimit() throws IOException {
        assertThat(policy.decide(recorded(131000), 5).action()).isEqualTo(SendAction.RETRY);

        Decision last = policy.decide(recorded(131000), 6);

        assertThat(last.action()).isEqualTo(SendAction.DEAD_LETTER);
        assertThat(last.reason()).startsWith("gave up after 6 attempts").contains("131000");
        assertThat(policy.decide(recorded(131056), 6).action()).isEqualTo(SendAction.DEAD_LETTER);
        assertThat(policy.decide(SendResult.answered(503, null, null, null), 6).action())
                .isEqualTo(SendAction.DEAD_LETTER);
    }

    @Test
    void pausesWhateverTheAttempt() throws IOException {
        assertThat(policy.decide(recorded(190), 6).action()).isEqualTo(SendAction.PAUSE);
        assertThat(policy.decide(recorded(368), 60).action()).isEqualTo(SendAction.PAUSE);
    }

    @Test
    void doublesTheBackoffPerAttemptWithinItsJitter() throws IOException {
        ErrorPolicy longest = new ErrorPolicy(PROPERTIES, HIGHEST);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Duration full = Duration.ofSeconds(2).multipliedBy(1L << (attempt - 1));
            Duration shortest = policy.decide(recorded(130429), attempt).delay();
            Duration longestDelay = longest.decide(recorded(130429), attempt).delay();

            assertThat(shortest).as("attempt %d", attempt).isEqualTo(full.dividedBy(2));
            assertThat(longestDelay)
                    .as("attempt %d", attempt)
                    .isLessThanOrEqualTo(full)
                    .isGreaterThan(full.multipliedBy(9).dividedBy(10));
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximumBackoff() throws IOException {
        ReplyProperties manyAttempts = new ReplyProperties(
                Duration.ofMillis(250),
                50,
                Duration.ofSeconds(60),
                40,
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                Duration.ofSeconds(6),
                Duration.ofMinutes(15),
                80,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20));

        Duration delay = new ErrorPolicy(manyAttempts, HIGHEST)
                .decide(recorded(131000), 35)
                .delay();

        assertThat(delay).isLessThanOrEqualTo(Duration.ofMinutes(5)).isGreaterThan(Duration.ofMinutes(4));
    }

    @Test
    void pacesTheGuestForAtLeastThePairPacing() throws IOException {
        Decision shortest = policy.decide(recorded(131056), 1);
        Decision longestPacing = new ErrorPolicy(PROPERTIES, HIGHEST).decide(recorded(131056), 1);

        assertThat(shortest.delay()).isEqualTo(Duration.ofSeconds(6));
        assertThat(longestPacing.delay()).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(9));
    }

    @Test
    void backsOffLongAndAlertsTheOperatorOnTheSpamLimit() throws IOException {
        Decision decision = policy.decide(recorded(131048), 2);

        assertThat(decision.action()).isEqualTo(SendAction.RETRY);
        assertThat(decision.alertOperator()).isTrue();
        assertThat(decision.delay()).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(policy.decide(recorded(130429), 2).alertOperator()).isFalse();
    }

    @Test
    void waitsLongAndLongerBeforeResendingPastThePerUserMarketingLimit() throws IOException {
        ErrorPolicy longest = new ErrorPolicy(PROPERTIES, HIGHEST);
        Decision first = policy.decide(recorded(131049), 1);
        Decision third = policy.decide(recorded(131049), 3);

        assertThat(first.action()).isEqualTo(SendAction.RETRY);
        assertThat(first.alertOperator()).isFalse();
        // never at once, as Meta asks: at least half the long backoff, and growing with each attempt
        assertThat(first.delay()).isGreaterThanOrEqualTo(Duration.ofMinutes(7).plusSeconds(30));
        assertThat(third.delay()).isEqualTo(first.delay().multipliedBy(4));
        assertThat(longest.decide(recorded(131049), 1).delay()).isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(policy.decide(recorded(131049), 6).action()).isEqualTo(SendAction.DEAD_LETTER);
    }

    @Test
    void deadLettersAtOnceWhenTheGuestStoppedMarketingOrTheCountryIsClosed() throws IOException {
        for (int code : new int[] {131050, 130497}) {
            Decision decision = policy.decide(recorded(code), 1);

            assertThat(decision.action()).as("code %d", code).isEqualTo(SendAction.DEAD_LETTER);
            assertThat(decision.delay()).isZero();
            assertThat(decision.alertOperator()).as("code %d", code).isFalse();
        }
        assertThat(policy.decide(recorded(131050), 1).reason()).contains("stop receiving marketing messages");
        assertThat(policy.decide(recorded(130497), 1).reason())
                .contains("restricted from messaging users in this country");
    }

    @Test
    void deadLettersADirectSendBlockAndTellsTheOperator() throws IOException {
        Decision decision = policy.decide(recorded(139200), 1);

        assertThat(decision.action()).isEqualTo(SendAction.DEAD_LETTER);
        assertThat(decision.alertOperator()).isTrue();
        assertThat(decision.reason()).contains("139200");
    }

    static SendResult recorded(int code) throws IOException {
        String body = new String(
                Fixtures.resource("fixtures/graph-responses/error-" + code + ".json"), StandardCharsets.UTF_8);
        int status = new ObjectMapper()
                .readTree(Fixtures.resource("fixtures/graph-responses/index.json"))
                .path("error-" + code + ".json")
                .path("http_status")
                .asInt();
        return CloudApiResponses.read(status, body);
    }

    private static SendResult recordedUnchecked(int code) {
        try {
            return recorded(code);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
