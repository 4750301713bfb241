package org.holidaydesk.assistant.reply;

import java.time.Duration;

/**
 * The error policy's verdict on one send.
 *
 * @param action        what happens next
 * @param delay         how long until the next attempt (RETRY, PACE); zero otherwise
 * @param reason        why, in words an operator reads (kept with a dead letter)
 * @param alertOperator true when an operator should hear of it even though the reply is retried
 */
public record Decision(SendAction action, Duration delay, String reason, boolean alertOperator) {

    static Decision now(SendAction action, String reason) {
        return new Decision(action, Duration.ZERO, reason, false);
    }
}
