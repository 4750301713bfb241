package org.holidaydesk.assistant.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.Test;

/** What the parser makes of the ways Meta names a guest: phone number, business-scoped user id, or both. */
class CallbackParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CallbackParser parser = new CallbackParser();

    @Test
    void aMessageNamingBothIsAddressedByPhoneAndCarriesTheUserId() throws IOException {
        InboundMessage message = onlyMessage("interactive_button_reply");

        assertThat(message.guestId()).isEqualTo("40739099603");
        assertThat(message.replyTo()).isEqualTo("40739099603");
        assertThat(message.userId()).isEqualTo("RO.0824628194821993");
        assertThat(message.namedByBoth()).isTrue();
    }

    @Test
    void aUsernameUserIsNamedByTheUserIdAlone() throws IOException {
        InboundMessage message = onlyMessage("username_only_user");

        assertThat(message.guestId()).isEqualTo("RO.2154728038528084");
        assertThat(message.replyTo()).isEqualTo("RO.2154728038528084");
        assertThat(message.userId()).isEqualTo("RO.2154728038528084");
        assertThat(message.namedByUserIdOnly()).isTrue();
    }

    @Test
    void aLegacyMessageHasNoUserId() throws IOException {
        InboundMessage message = onlyMessage("legacy_text");

        assertThat(message.guestId()).isEqualTo("40752538885");
        assertThat(message.userId()).isNull();
        assertThat(message.namedByBoth()).isFalse();
        assertThat(message.namedByUserIdOnly()).isFalse();
    }

    @Test
    void theUserIdComesFromTheSendersContactWhenTheMessageLacksIt() throws IOException {
        String body = new String(Fixtures.named("interactive_button_reply").body(), StandardCharsets.UTF_8)
                .replace("\"from_user_id\":\"RO.0824628194821993\",", "");

        InboundMessage message = onlyMessage(body.getBytes(StandardCharsets.UTF_8));

        assertThat(message.guestId()).isEqualTo("40739099603");
        assertThat(message.userId()).isEqualTo("RO.0824628194821993");
    }

    @Test
    void aMessageWithoutAnIdGetsOneMadeFromWhatItSays() throws IOException {
        byte[] withoutId = withoutId("legacy_text");

        InboundMessage first = onlyMessage(withoutId);
        InboundMessage again = onlyMessage(withoutId);

        assertThat(first.wamid()).isNotBlank().isEqualTo(again.wamid());
        assertThat(DerivedMessageId.is(first.wamid())).isTrue();
        assertThat(first.guestId()).isEqualTo("40752538885");
        assertThat(first.text()).isNotBlank();
    }

    @Test
    void messagesWithoutAnIdThatSayDifferentThingsGetDifferentIds() throws IOException {
        String body = new String(withoutId("legacy_text"), StandardCharsets.UTF_8);
        String text = JSON.readTree(body)
                .at("/entry/0/changes/0/value/messages/0/text/body")
                .asText();
        String timestamp = JSON.readTree(body)
                .at("/entry/0/changes/0/value/messages/0/timestamp")
                .asText();

        String original = onlyMessage(body.getBytes(StandardCharsets.UTF_8)).wamid();
        String otherWords = onlyMessage(body.replace(text, text + "?").getBytes(StandardCharsets.UTF_8))
                .wamid();
        String otherSecond = onlyMessage(
                        body.replace("\"" + timestamp + "\"", "\"" + (Long.parseLong(timestamp) + 1) + "\"")
                                .getBytes(StandardCharsets.UTF_8))
                .wamid();

        assertThat(java.util.Set.of(original, otherWords, otherSecond)).hasSize(3);
    }

    @Test
    void aMessageWithItsIdKeepsIt() throws IOException {
        InboundMessage message = onlyMessage("legacy_text");

        assertThat(DerivedMessageId.is(message.wamid())).isFalse();
        assertThat(message.wamid()).startsWith("wamid.");
    }

    @Test
    void aCompletedDatePickerIsReadAsTheGuestsDates() throws IOException {
        InboundMessage message = onlyMessage(Fixtures.resource("fixtures/bodies/interactive_nfm_reply.json"));

        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
        assertThat(message.text()).isEqualTo("Casa Pescarului 2027-06-15 to 2027-06-20 for 2");
        assertThat(message.guestId()).isEqualTo("40752601815");
    }

    @Test
    void aFlowAnswerWithoutDatesOrWithBrokenJsonIsReadAsNothing() throws IOException {
        for (String responseJson : List.of(
                "{\"flow_token\":\"x\"}", "not json", "{\"check_in\":\"2027-06-20\",\"check_out\":\"2027-06-15\"}")) {
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JSON.readTree(Fixtures.resource("fixtures/bodies/interactive_nfm_reply.json"));
            ((com.fasterxml.jackson.databind.node.ObjectNode)
                            root.at("/entry/0/changes/0/value/messages/0/interactive/nfm_reply"))
                    .put("response_json", responseJson);
            assertThat(onlyMessage(JSON.writeValueAsBytes(root)).text())
                    .as(responseJson)
                    .isNull();
        }
    }

    /** The fixture's body with its one message's {@code id} left out. */
    private static byte[] withoutId(String fixture) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Fixtures.named(fixture).body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/entry/0/changes/0/value/messages/0")).remove("id");
        return JSON.writeValueAsBytes(root);
    }

    private InboundMessage onlyMessage(String fixture) throws IOException {
        return onlyMessage(Fixtures.named(fixture).body());
    }

    private InboundMessage onlyMessage(byte[] body) throws IOException {
        List<Object> items = parser.items(JSON.readValue(body, CallbackPayload.class));
        assertThat(items).hasSize(1).first().isInstanceOf(InboundMessage.class);
        return (InboundMessage) items.get(0);
    }
}
