package org.holidaydesk.assistant.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Tells whether a body is a WhatsApp Business Account callback without building it: one streaming pass
 * that checks the JSON syntax and reads the top-level {@code object}. Parsing into the message model
 * happens later, off the request path.
 */
final class EnvelopeCheck {

    static final String WHATSAPP_OBJECT = "whatsapp_business_account";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EnvelopeCheck() {}

    static void requireWhatsAppCallback(byte[] body) throws CallbackRejectedException.Malformed {
        if (body == null || body.length == 0) {
            throw new CallbackRejectedException.Malformed("empty body");
        }
        String object = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CallbackRejectedException.Malformed("body is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token == JsonToken.FIELD_NAME && "object".equals(parser.currentName())) {
                    object = parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
                } else if (token == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                    parser.skipChildren();
                } else {
                    throw new CallbackRejectedException.Malformed("body is not a JSON object");
                }
            }
            if (parser.nextToken() != null) {
                throw new CallbackRejectedException.Malformed("trailing content after the JSON object");
            }
        } catch (IOException notJson) {
            throw new CallbackRejectedException.Malformed("body is not valid JSON");
        }
        if (!WHATSAPP_OBJECT.equals(object)) {
            throw new CallbackRejectedException.Malformed("object is not " + WHATSAPP_OBJECT);
        }
    }
}
