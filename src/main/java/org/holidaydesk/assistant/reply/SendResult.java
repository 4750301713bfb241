package org.holidaydesk.assistant.reply;

/**
 * What one send to the Cloud API came to: Meta's answer, or no answer at all.
 *
 * @param httpStatus       the HTTP status; 0 when no answer arrived
 * @param metaCode         {@code error.code} of Meta's error answer, null when there is none
 * @param metaMessage      Meta's description of the error ({@code message} and {@code error_data.details});
 *                         it names the problem, never the guest or the message
 * @param messageId        {@code messages[0].id} of an accepted text, null for read receipts
 * @param transportFailure why no answer arrived (timeout, refused connection), null when one did
 */
public record SendResult(
        int httpStatus, Integer metaCode, String metaMessage, String messageId, String transportFailure) {

    public static SendResult answered(int httpStatus, Integer metaCode, String metaMessage, String messageId) {
        return new SendResult(httpStatus, metaCode, metaMessage, messageId, null);
    }

    public static SendResult unanswered(String transportFailure) {
        return new SendResult(0, null, null, null, transportFailure);
    }

    public boolean accepted() {
        return transportFailure == null && httpStatus >= 200 && httpStatus < 300;
    }

    /** The {@code code} tag of {@code whatsapp_send_failures_total}: Meta's code, else what went wrong. */
    public String failureCode() {
        if (metaCode != null) {
            return String.valueOf(metaCode);
        }
        if (transportFailure != null) {
            return transportFailure.contains("Timeout") ? "timeout" : "connection";
        }
        return "http_" + httpStatus;
    }

    /** One line for logs and dead letters. */
    public String describe() {
        if (transportFailure != null) {
            return "no answer from the Cloud API (" + transportFailure + ")";
        }
        if (metaCode != null) {
            return "Meta error " + metaCode + (metaMessage == null ? "" : ": " + metaMessage) + " (HTTP " + httpStatus
                    + ")";
        }
        return "HTTP " + httpStatus + " from the Cloud API";
    }
}
