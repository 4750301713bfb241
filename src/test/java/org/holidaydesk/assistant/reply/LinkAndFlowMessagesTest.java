package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.holidaydesk.assistant.support.MetaMessageShape;
import org.junit.jupiter.api.Test;

/** A booking button ({@code cta_url}) and a Flow message within Meta's documented fields and limits. */
class LinkAndFlowMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLinkButtonHasMetasShapeWithItsLabelWithin20Characters() {
        ObjectNode interactive = InteractiveMessages.ctaUrl(
                "Casa Pescarului is free.",
                "Book 28 September – 3 October",
                "https://assistant.example.com/b/abcdefghijklmnopqrstuvwx");

        assertThat(interactive.at("/action/parameters/display_text").asText())
                .hasSizeLessThanOrEqualTo(20)
                .endsWith("…");
        assertThat(MetaMessageShape.problems(CloudApiRequests.interactive("40712345678", interactive)))
                .isEmpty();
    }

    @Test
    void aLinkButtonRefusesWhatMetaWouldRefuse() {
        assertThatThrownBy(() -> InteractiveMessages.ctaUrl("text", " ", "https://x.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InteractiveMessages.ctaUrl("text", "Book", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InteractiveMessages.ctaUrl(" ", "Book", "https://x.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlowMessageOpensItsScreenWithItsData() {
        ObjectNode data = JSON.createObjectNode().put("min_date", "2027-03-01").put("max_date", "2027-04-01");
        ObjectNode interactive = InteractiveMessages.flow(
                "Free in March:", new FlowInvite("1234567890", "token-1", "Pick your dates", "DATES", data));

        assertThat(interactive.at("/action/parameters/flow_message_version").asText())
                .isEqualTo("3");
        assertThat(interactive
                        .at("/action/parameters/flow_action_payload/data/min_date")
                        .asText())
                .isEqualTo("2027-03-01");
        assertThat(MetaMessageShape.problems(CloudApiRequests.interactive("40712345678", interactive)))
                .isEmpty();
        assertThatThrownBy(() -> InteractiveMessages.flow(
                        "x", new FlowInvite("1", "t", "Pick", "DATES", JSON.createObjectNode())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShapeCheckFindsWhatIsWrong() {
        ObjectNode interactive = InteractiveMessages.ctaUrl("text", "Book", "https://x.example/b/1");
        ((ObjectNode) interactive.at("/action/parameters")).put("display_text", "A label much longer than twenty");
        interactive.put("extra", 1);
        assertThat(MetaMessageShape.problems(CloudApiRequests.interactive("40712345678", interactive)))
                .contains("display_text is 1 to 20 characters", "unknown interactive field extra");
    }
}
