package org.holidaydesk.assistant.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeCheckTest {

    @Test
    void acceptsAWhatsAppCallbackWhateverElseItCarries() {
        assertThatCode(() -> check(
                        "{\"entry\":[{\"id\":\"1\",\"x\":{\"y\":[1,2,{}]}}],\"object\":\"whatsapp_business_account\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesOtherProductsArraysTruncatedJsonAndTrailingGarbage() {
        for (String body : new String[] {
            "{\"object\":\"instagram\",\"entry\":[]}",
            "[{\"object\":\"whatsapp_business_account\"}]",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[",
            "{\"object\":\"whatsapp_business_account\"} {}",
            "{\"object\":42}",
            "not json at all",
            ""
        }) {
            assertThatThrownBy(() -> check(body)).as(body).isInstanceOf(CallbackRejectedException.Malformed.class);
        }
    }

    private static void check(String body) throws CallbackRejectedException.Malformed {
        EnvelopeCheck.requireWhatsAppCallback(body.getBytes(StandardCharsets.UTF_8));
    }
}
