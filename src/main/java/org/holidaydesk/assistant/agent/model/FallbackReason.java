package org.holidaydesk.assistant.agent.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import org.holidaydesk.assistant.agent.tools.ToolsUnavailableException;

/** Why a model turn gave no answer, as the {@code reason} of {@code agent_fallbacks_total}. */
public final class FallbackReason {

    private FallbackReason() {}

    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MeteredChatModel.BudgetExceededException) {
                return "token_budget";
            }
            if (cause instanceof VoiceNotes.UnreadableException) {
                return "voice_note";
            }
            if (cause instanceof ToolsUnavailableException) {
                return "tools_unavailable";
            }
            if (cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof java.net.http.HttpTimeoutException) {
                return "timeout";
            }
            if (cause instanceof HttpException) {
                return "model_error";
            }
            if (cause instanceof ModelAgent.NoAnswerException && cause.getCause() == null) {
                return "empty_answer";
            }
            if (cause.getMessage() != null && cause.getMessage().contains("sequential tool invocations")) {
                return "tool_rounds";
            }
        }
        return "model_error";
    }
}
