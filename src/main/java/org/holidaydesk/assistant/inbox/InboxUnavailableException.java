package org.holidaydesk.assistant.inbox;

/** The callback could not be committed in time: the webhook answers 503 so that Meta delivers it again. */
public class InboxUnavailableException extends Exception {

    public InboxUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
