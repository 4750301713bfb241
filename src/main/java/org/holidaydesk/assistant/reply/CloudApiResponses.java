package org.holidaydesk.assistant.reply;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the Cloud API's answer: {@code messages[0].id} of an accepted text ({@code {"success":true}} for
 * a read receipt), or {@code error.code} and its description of a refusal. An answer that is not JSON
 * (a proxy's error page) keeps only its HTTP status.
 */
final class CloudApiResponses {

    private static final int MAX_MESSAGE = 500;

    private CloudApiResponses() {}

    static SendResult read(int httpStatus, String body) {
        JsonNode answer = parse(body);
        JsonNode error = answer.path("error");
        if (error.isObject()) {
            Integer code =
                    error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
            return SendResult.answered(httpStatus, code, describe(error), null);
        }
        JsonNode id = answer.path("messages").path(0).path("id");
        return SendResult.answered(httpStatus, null, null, id.isTextual() ? id.asText() : null);
    }

    private static String describe(JsonNode error) {
        String message = error.path("message").asText("");
        String details = error.path("error_data").path("details").asText("");
        String text = details.isEmpty() || details.equals(message) ? message : message + " - " + details;
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }
}
