package org.holidaydesk.assistant.reply;

import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.holidaydesk.assistant.config.ReplyProperties;

/**
 * Decides what follows one send from Meta's answer, after Meta's documented meaning of each error code:
 *
 * <table>
 * <caption>Meta error codes</caption>
 * <tr><th>code</th><th>meaning</th><th>action</th></tr>
 * <tr><td>130429, 4, 80007</td><td>throughput or API rate limit</td><td>retry with exponential backoff and jitter</td></tr>
 * <tr><td>131000, HTTP 5xx, 429, no answer</td><td>passing failure on Meta's side or the way there</td><td>retry the same way</td></tr>
 * <tr><td>131056</td><td>pair rate limit: too many messages to this guest</td><td>pace the guest (hold their replies a few seconds), then retry</td></tr>
 * <tr><td>131048</td><td>spam rate limit on the number</td><td>retry after a long backoff and tell the operator</td></tr>
 * <tr><td>131049</td><td>Meta's per-user marketing limit: the guest got too many marketing messages lately (from any
 * business)</td><td>no immediate resend, as Meta asks: retry after the long backoff, growing each attempt</td></tr>
 * <tr><td>131050</td><td>the guest stopped marketing messages from this business</td><td>dead-letter at once (the
 * guest's choice; the {@code user_preferences} webhook records it too)</td></tr>
 * <tr><td>130497</td><td>the business may not message guests in the guest's country</td><td>dead-letter at once</td></tr>
 * <tr><td>139200</td><td>Direct Send blocked for this business</td><td>dead-letter at once and tell the operator</td></tr>
 * <tr><td>131047, 131026, 131008, 131009, 131051, 131053, 100</td><td>outside the 24-hour window, undeliverable, or a request the service got wrong</td><td>dead-letter at once: the same request can never succeed</td></tr>
 * <tr><td>190, 368</td><td>access token invalid, account restricted</td><td>pause all sending and keep every reply queued</td></tr>
 * </table>
 *
 * Retries are bounded: the attempt that reaches {@code maxAttempts} is dead-lettered instead. Unknown
 * codes are retried when the HTTP status says the failure is passing (5xx, 429), dead-lettered otherwise.
 * Pure: no I/O, the randomness of the jitter is given.
 */
public final class ErrorPolicy {

    static final Set<Integer> RETRY = Set.of(130429, 4, 80007, 131000);
    static final Set<Integer> NEVER_RETRY =
            Set.of(131047, 131026, 131008, 131009, 131051, 131053, 100, 131050, 130497, 139200);
    /** Dead-lettered, and an operator should hear of it: the business itself is blocked from sending this way. */
    static final Set<Integer> ALERT = Set.of(139200);

    static final Set<Integer> PAUSE = Set.of(190, 368);
    static final int PAIR_RATE_LIMIT = 131056;
    static final int SPAM_RATE_LIMIT = 131048;
    static final int MARKETING_LIMIT = 131049;

    private final ReplyProperties properties;
    private final RandomGenerator random;

    public ErrorPolicy(ReplyProperties properties, RandomGenerator random) {
        this.properties = properties;
        this.random = random;
    }

    /**
     * @param result  what the send came to
     * @param attempt which attempt this was for the reply, starting at 1
     */
    public Decision decide(SendResult result, int attempt) {
        if (result.accepted()) {
            return Decision.now(SendAction.DELIVER, "accepted");
        }
        Integer code = result.metaCode();
        String what = result.describe();
        if (code != null && PAUSE.contains(code)) {
            return Decision.now(SendAction.PAUSE, what);
        }
        if (code != null && NEVER_RETRY.contains(code)) {
            return new Decision(SendAction.DEAD_LETTER, java.time.Duration.ZERO, what, ALERT.contains(code));
        }
        if (attempt >= properties.maxAttempts()) {
            return Decision.now(SendAction.DEAD_LETTER, "gave up after " + attempt + " attempts; last: " + what);
        }
        if (code != null && code == PAIR_RATE_LIMIT) {
            Duration pacing = properties.pairPacing();
            return new Decision(SendAction.PACE, pacing.plus(fraction(pacing.dividedBy(2))), what, false);
        }
        if (code != null && code == SPAM_RATE_LIMIT) {
            return new Decision(
                    SendAction.RETRY, jittered(exponential(properties.spamBackoff(), attempt, null)), what, true);
        }
        if (code != null && code == MARKETING_LIMIT) {
            // Meta: "avoid immediately resending ... retry in increasing larger time increments"
            return new Decision(
                    SendAction.RETRY, jittered(exponential(properties.spamBackoff(), attempt, null)), what, false);
        }
        if ((code != null && RETRY.contains(code)) || passing(result)) {
            return new Decision(
                    SendAction.RETRY,
                    jittered(exponential(properties.baseBackoff(), attempt, properties.maxBackoff())),
                    what,
                    false);
        }
        return Decision.now(SendAction.DEAD_LETTER, what);
    }

    private static boolean passing(SendResult result) {
        int status = result.httpStatus();
        return result.transportFailure() != null || status >= 500 || status == 429 || status == 408;
    }

    /** {@code base * 2^(attempt-1)}, at most {@code cap} when there is one. */
    private static Duration exponential(Duration base, int attempt, Duration cap) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return cap != null && delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** Between half and all of the delay, so that replicas and guests failing together do not retry together. */
    private Duration jittered(Duration delay) {
        Duration half = delay.dividedBy(2);
        return half.plus(fraction(delay.minus(half)));
    }

    private Duration fraction(Duration span) {
        return Duration.ofNanos((long) (span.toNanos() * random.nextDouble()));
    }
}
