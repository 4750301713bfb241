package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The language model that answers guests when a key is set, and what bounds each of its turns.
 *
 * @param apiKey             {@code OPENAI_API_KEY}; blank means the offline agent answers every turn
 * @param baseUrl            {@code OPENAI_BASE_URL}, any OpenAI-compatible endpoint, ending in {@code /v1}
 * @param modelName          {@code OPENAI_MODEL}
 * @param requestTimeout     connecting to the model and reading one of its answers; well under {@code turnTimeout}
 * @param maxRetries         retries of one failed model request (408, 429, 5xx) inside the turn
 * @param turnTimeout        the whole model turn (model requests and tool calls); past it the offline agent
 *                           answers in what is left of the pipeline's agent timeout
 * @param maxToolRounds      tool calls the model may make in one turn before the turn counts as failed
 * @param maxTokensPerTurn   prompt and completion tokens one turn may use over all its requests
 * @param maxAnswerTokens    tokens of one model answer
 * @param turnsPerMinute     a guest's messages answered by the model within a minute; past it a polite answer
 * @param logRequests        logs model requests and answers (development; they carry guests' words)
 * @param transcriptionModel {@code OPENAI_TRANSCRIPTION_MODEL}: turns voice notes into text at {@code OPENAI_BASE_URL}
 * @param voiceNoteMaxBytes  a longer voice note is not fetched; the guest is asked to type instead
 * @param voiceNoteTimeout   fetching one voice note and transcribing it, at most
 */
@Validated
@ConfigurationProperties("assistant.model")
public record ModelProperties(
        String apiKey,

        @NotBlank
        @Pattern(
                regexp = "https?://\\S+",
                message = "OPENAI_BASE_URL must be an http(s) URL such as " + "https://api.openai.com/v1")
        String baseUrl,

        @NotBlank(message = "OPENAI_MODEL must name a chat model")
        String modelName,

        @NotNull Duration requestTimeout,
        @Min(0) @Max(3) int maxRetries,
        @NotNull Duration turnTimeout,
        @Min(1) @Max(20) int maxToolRounds,
        @Min(500) int maxTokensPerTurn,
        @Min(50) int maxAnswerTokens,
        @Min(1) int turnsPerMinute,
        boolean logRequests,

        @NotBlank(message = "OPENAI_TRANSCRIPTION_MODEL must name a transcription model")
        String transcriptionModel,

        @NotNull DataSize voiceNoteMaxBytes,
        @NotNull Duration voiceNoteTimeout) {

    /** True when a key is set: the model answers. */
    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }

    @AssertTrue(message = "assistant.model.request-timeout must be shorter than assistant.model.turn-timeout")
    boolean isRequestTimeoutWithinTheTurn() {
        return requestTimeout == null || turnTimeout == null || requestTimeout.compareTo(turnTimeout) < 0;
    }
}
