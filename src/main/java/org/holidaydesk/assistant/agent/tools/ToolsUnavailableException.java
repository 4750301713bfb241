package org.holidaydesk.assistant.agent.tools;

/** The property tools could not be reached, or did not answer in time: availability is unknown right now. */
public class ToolsUnavailableException extends RuntimeException {

    public ToolsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
