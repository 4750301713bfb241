package org.holidaydesk.assistant.property;

/**
 * A question about properties that cannot be answered as asked: a past date, a check-out before the
 * check-in, an unknown property. The message is written for the assistant's model: it says what is
 * wrong and what to ask the guest, so the tools hand it over as it is.
 */
public class PropertyRequestException extends RuntimeException {

    public PropertyRequestException(String guidance) {
        super(guidance, null, false, false);
    }
}
