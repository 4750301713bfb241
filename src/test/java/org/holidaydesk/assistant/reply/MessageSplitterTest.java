package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private final MessageSplitter whatsApp = new MessageSplitter();

    @Test
    void leavesATextWithinTheLimitWhole() {
        assertThat(whatsApp.split("  Casa Pescarului is free.  ")).containsExactly("Casa Pescarului is free.");
    }

    @Test
    void splitsAtTheLastParagraphBeforeTheLimit() {
        String first = "a".repeat(3000);
        String second = "b".repeat(3000);

        assertThat(whatsApp.split(first + "\n\n" + second)).containsExactly(first, second);
    }

    @Test
    void splitsAtASentenceWhenAParagraphIsTooLong() {
        String sentence = "The villa sleeps six and has a garden. ";
        String text = sentence.repeat(200);

        List<String> parts = whatsApp.split(text);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part).hasSizeLessThanOrEqualTo(MessageSplitter.WHATSAPP_TEXT_LIMIT);
            assertThat(part).endsWith("garden.");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text.strip());
    }

    @Test
    void cutsAWordlessRunHardAndNeverSplitsAnEmoji() {
        MessageSplitter small = new MessageSplitter(10);
        String text = "abcdefghi😀xyz";

        List<String> parts = small.split(text);

        assertThat(parts).containsExactly("abcdefghi", "😀xyz");
    }
}
