package org.holidaydesk.assistant.agent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.Test;

/** What the guest gets from the model's text: WhatsApp formatting and the options to tap. */
class ModelRepliesTest {

    private final ModelReplies replies = new ModelReplies();

    @Test
    void aChoicesLineBecomesOptionsAndLeavesTheText() {
        AgentReply reply = replies.read(
                "Both are free. Which one?\n[choices: Casa Pescarului | Vila Franceza]", turn("Anything free?"));

        assertThat(reply.parts()).containsExactly("Both are free. Which one?");
        assertThat(reply.choices()).extracting(Choice::title).containsExactly("Casa Pescarului", "Vila Franceza");
        assertThat(reply.choices())
                .extracting(Choice::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.length() <= 200);
    }

    @Test
    void oneOptionIsNoChoiceAndDuplicatesCountOnce() {
        assertThat(replies.read("Shall I?\n[choices: Yes | Yes]", turn("hi")).choices())
                .isEmpty();
        assertThat(replies.read("Shall I?\n[choices: Yes | No | yes]", turn("hi"))
                        .choices())
                .hasSize(3);
    }

    @Test
    void moreThanTenOptionsAreCutToTen() {
        String options = String.join(
                " | ",
                java.util.stream.IntStream.rangeClosed(1, 14)
                        .mapToObj(i -> "Option " + i)
                        .toList());

        assertThat(replies.read("Pick one\n[choices: " + options + "]", turn("hi"))
                        .choices())
                .hasSize(10);
    }

    @Test
    void markdownTheGuestWouldSeeAsTypedIsRewritten() {
        AgentReply reply = replies.read(
                "## Casa Pescarului\n**Free** from 10 June: [book here](https://example.test/b?x=1)", turn("hi"));

        assertThat(reply.parts().get(0))
                .isEqualTo("*Casa Pescarului*\n*Free* from 10 June: book here: https://example.test/b?x=1");
    }

    @Test
    void theAnswerIsInTheLanguageItIsWrittenIn() {
        assertThat(replies.read("Da, Casa Pescarului este liberă în iunie.", turn("Is it free?"))
                        .language())
                .isEqualTo("ro");
        assertThat(replies.read("Yes, it is free in June.", turn("E liberă?")).language())
                .isEqualTo("en");
    }

    @Test
    void anAnswerWithNothingForTheGuestFailsTheTurn() {
        assertThatThrownBy(() -> replies.read("[choices: A | B]", turn("hi")))
                .isInstanceOf(ModelAgent.NoAnswerException.class);
        assertThatThrownBy(() -> replies.read("  ", turn("hi"))).isInstanceOf(ModelAgent.NoAnswerException.class);
    }

    private static LeasedTurn turn(String text) {
        GuestTurn turn = new GuestTurn(
                "40700000009",
                "Ana",
                null,
                List.of(new TurnMessage("wamid.1", MessageKind.TEXT, text, Instant.now())),
                LocalDate.of(2026, 12, 1));
        return new LeasedTurn("40700000009", "40700000009", "106540352242922", "wamid.1", turn);
    }
}
