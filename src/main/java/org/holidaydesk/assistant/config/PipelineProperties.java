package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How stored callbacks become guest turns.
 *
 * @param pollInterval       how often each replica looks for new inbox rows and ready guests
 * @param claimBatch         inbox rows one poll claims at most
 * @param claimLease         how long a claim (of inbox rows, of a guest's turn) holds before another replica may take over
 * @param coalesceLimit      a guest's turn starts over with what they write while it runs, as long as its first
 *                           message is younger than this; later messages get the next turn
 * @param concurrentTurns    guests answered at the same time by one replica
 * @param agentTimeout       an answer taking longer gets the fallback reply instead
 * @param idempotencyRetention how long message ids are remembered to drop Meta's redeliveries
 * @param busyAbove          callbacks a second above which the webhook is busy and the pipeline yields to it
 * @param intakeWhileBusy    callbacks a second the pipeline reads from the inbox while the webhook is busy
 * @param failingAfter       failures in a row of one stage (inbox, turns, replies), none succeeding between, after
 *                           which the stage is reported failing (health, a log line) until it works again
 */
@Validated
@ConfigurationProperties("assistant.pipeline")
public record PipelineProperties(
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int claimBatch,
        @NotNull Duration claimLease,
        @NotNull Duration coalesceLimit,
        @Min(1) @Max(256) int concurrentTurns,
        @NotNull Duration agentTimeout,
        @NotNull Duration idempotencyRetention,
        @Min(1) int busyAbove,
        @Min(1) int intakeWhileBusy,
        @Min(1) @Max(10000) int failingAfter) {

    /**
     * How long a failing stage stays reported without failing again: longer than a failed callback or turn
     * waits to be tried again (its claim's lease), so a stage whose work keeps failing stays reported, and one
     * with nothing left to fail clears by itself.
     */
    public Duration failingClearsAfter() {
        return claimLease.plus(agentTimeout).multipliedBy(2);
    }
}
