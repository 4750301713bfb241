package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.Test;

/** The requests match Meta's documented examples in {@code fixtures/outbound}. */
class CloudApiRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudApiRequests requests = new CloudApiRequests(new WhatsAppProperties(
            "verify",
            "secret",
            false,
            "token-123",
            "000000000000000",
            URI.create("https://graph.facebook.com/"),
            "v24.0"));

    @Test
    void writesATextMessageAsTheOutboundFixture() throws Exception {
        JsonNode expected = outbound("text.json");
        OutboundMessage row = new OutboundMessage(
                7,
                "40712345678",
                "40712345678",
                "106540352242922",
                Outbox.TEXT,
                expected.at("/text/body").asText(),
                "wamid.in",
                0,
                false);

        JsonNode written = JSON.readTree(requests.body(row));

        assertThat(written).isEqualTo(expected);
    }

    @Test
    void writesAReadReceiptWithTypingIndicatorAsTheOutboundFixture() throws Exception {
        JsonNode expected = outbound("read-typing.json");
        OutboundMessage row = new OutboundMessage(
                8,
                "40712345678",
                "40712345678",
                "106540352242922",
                Outbox.READ,
                "",
                expected.get("message_id").asText(),
                0,
                false);

        JsonNode written = JSON.readTree(requests.body(row));

        assertThat(written).isEqualTo(expected);
    }

    @Test
    void writesReplyButtonsAsTheOutboundFixture() throws Exception {
        JsonNode expected = outbound("buttons.json");
        String interactive = InteractiveMessages.write(InteractiveMessages.buttons(
                "Both are free on those dates. Which one?",
                List.of(
                        new Choice("prop_casa-pescarului", "Casa Pescarului"),
                        new Choice("prop_vila-franceza", "Vila Franceza"))));
        OutboundMessage row = new OutboundMessage(
                10,
                "40712345678",
                "40712345678",
                "106540352242922",
                Outbox.INTERACTIVE,
                interactive,
                "wamid.in",
                0,
                false);

        JsonNode written = JSON.readTree(requests.body(row));

        assertThat(written).isEqualTo(expected);
    }

    @Test
    void writesAListAsTheOutboundFixture() throws Exception {
        JsonNode expected = outbound("list.json");
        String interactive = InteractiveMessages.write(InteractiveMessages.list(
                "Free from 15 to 20 June for 2:",
                "See properties",
                "Available",
                List.of(
                        new Choice("prop_casa-pescarului", "Casa Pescarului", "Sulina, river view, 350 RON/night"),
                        new Choice("prop_vila-franceza", "Vila Franceza", "Garden, 2 rooms, 420 RON/night"))));
        OutboundMessage row = new OutboundMessage(
                11,
                "40712345678",
                "40712345678",
                "106540352242922",
                Outbox.INTERACTIVE,
                interactive,
                "wamid.in",
                0,
                false);

        JsonNode written = JSON.readTree(requests.body(row));

        assertThat(written).isEqualTo(expected);
    }

    @Test
    void keepsTextExactlyAsWrittenIncludingEscapesAndUnicode() throws Exception {
        String text = "Bună ziua! \"Casa\" <b> \\ / 🏖️\nline two";
        OutboundMessage row = new OutboundMessage(
                9, "g", "RO.2154728038528084", "106540352242922", Outbox.TEXT, text, null, 0, false);

        JsonNode written = JSON.readTree(requests.body(row));

        assertThat(written.at("/text/body").asText()).isEqualTo(text);
        assertThat(written.get("to").asText()).isEqualTo("RO.2154728038528084");
    }

    @Test
    void sendsFromTheNumberTheGuestWroteTo() {
        OutboundMessage second =
                new OutboundMessage(1, "g", "40771147104", "106540352299001", Outbox.TEXT, "hi", null, 0, false);
        OutboundMessage own = new OutboundMessage(2, "g", "40771147104", null, Outbox.TEXT, "hi", null, 0, false);

        assertThat(requests.url(second)).isEqualTo("https://graph.facebook.com/v24.0/106540352299001/messages");
        assertThat(requests.url(own)).isEqualTo("https://graph.facebook.com/v24.0/000000000000000/messages");
        assertThat(requests.authorization()).isEqualTo("Bearer token-123");
        assertThat(requests.sandboxed(own)).isFalse();
        assertThat(requests.toMeta(own)).isTrue();
    }

    private static JsonNode outbound(String name) throws Exception {
        return JSON.readTree(Fixtures.resource("fixtures/outbound/" + name));
    }
}
