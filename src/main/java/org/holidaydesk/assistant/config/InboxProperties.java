package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How callbacks are stored before Meta gets its 200.
 *
 * @param maxBodyBytes  larger callbacks are refused with 413 (Meta sends at most 3 MB)
 * @param storeTimeout  how long a request waits for its commit before answering 503
 * @param maxBatch      most callbacks committed together in one transaction
 * @param queueCapacity callbacks waiting for a commit; beyond it requests get 503 at once
 * @param commitLinger  while the webhook is busy, how long a commit waits for callbacks on their way to join it:
 *                      fewer, larger commits (each commit of the embedded database writes a new chunk)
 */
@Validated
@ConfigurationProperties("assistant.inbox")
public record InboxProperties(
        @Min(1024) long maxBodyBytes,
        @NotNull Duration storeTimeout,
        @Min(1) @Max(1000) int maxBatch,
        @Min(1) int queueCapacity,
        @NotNull Duration commitLinger) {}
