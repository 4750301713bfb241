package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much of each guest's conversation the model sees, and for how long it is kept.
 *
 * @param windowMessages  messages of the conversation in a model request at most (a tool call and its
 *                        results leave together)
 * @param condenseAfter   once the kept conversation is longer, its oldest part is condensed into a short summary
 * @param keepAfterCondense messages kept word for word after condensing
 * @param idleExpiry      a conversation nobody added to for this long is forgotten (Mem0 may still recall the guest)
 */
@Validated
@ConfigurationProperties("assistant.memory")
public record MemoryProperties(
        @Min(4) int windowMessages,
        @Min(4) int condenseAfter,
        @Min(2) int keepAfterCondense,
        @NotNull Duration idleExpiry) {

    @AssertTrue(message = "assistant.memory.keep-after-condense must be smaller than condense-after")
    boolean isKeepSmallerThanCondense() {
        return keepAfterCondense < condenseAfter;
    }
}
