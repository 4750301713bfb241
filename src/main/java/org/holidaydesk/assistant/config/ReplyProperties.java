package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How queued replies reach the WhatsApp Cloud API: how often the outbox is read, how failed sends are
 * retried, and how fast a business number may send.
 *
 * @param pollInterval       how often each replica looks for due replies
 * @param claimBatch         replies one poll claims at most (one per recipient); they are sent in parallel,
 *                           so this also bounds the concurrent sends of one replica
 * @param claimLease         how long a claimed reply stays with this replica before another may take it over;
 *                           longer than a send can take
 * @param maxAttempts        sends of one reply before it is dead-lettered when Meta keeps failing it
 * @param baseBackoff        wait before the first retry; doubled for each further attempt, with jitter
 * @param maxBackoff         the longest wait between two attempts of a retried reply
 * @param pairPacing         wait before the next send to a recipient after Meta's pair rate limit (131056)
 * @param spamBackoff        wait before retrying after Meta's spam rate limit (131048) or per-user marketing limit (131049), doubled per attempt
 * @param sendRate           messages per second each business number sends at most, all replicas together (Meta
 *                           allows 80/s per number by default); read receipts do not count. A claimed batch
 *                           waits behind the batches claimed before it (up to two per replica), so
 *                           2 × claimBatch × replicas / sendRate seconds must stay well within claimLease
 * @param pauseProbeInterval while sending is paused (token or account problem), how often one reply is tried
 * @param connectTimeout     connecting to the Cloud API longer than this is a failed, retried attempt
 * @param responseTimeout    an answer taking longer than this is a failed, retried attempt
 */
@Validated
@ConfigurationProperties("assistant.reply")
public record ReplyProperties(
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int claimBatch,
        @NotNull Duration claimLease,
        @Min(1) @Max(100) int maxAttempts,
        @NotNull Duration baseBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration pairPacing,
        @NotNull Duration spamBackoff,
        @DecimalMin("0.1") double sendRate,
        @NotNull Duration pauseProbeInterval,
        @NotNull Duration connectTimeout,
        @NotNull Duration responseTimeout) {}
