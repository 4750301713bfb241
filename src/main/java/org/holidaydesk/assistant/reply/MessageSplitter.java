package org.holidaydesk.assistant.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text longer than WhatsApp's 4096-character limit at the best boundary before the limit: a
 * paragraph, else a line, else a sentence, else a space, else a hard cut.
 */
public final class MessageSplitter {

    public static final int WHATSAPP_TEXT_LIMIT = 4096;

    private final int limit;

    public MessageSplitter() {
        this(WHATSAPP_TEXT_LIMIT);
    }

    MessageSplitter(int limit) {
        this.limit = limit;
    }

    public List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = boundary(rest);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private int boundary(String text) {
        String window = text.substring(0, limit);
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph > limit / 2) {
            return paragraph;
        }
        int line = window.lastIndexOf('\n');
        if (line > limit / 2) {
            return line;
        }
        int sentence = lastSentenceEnd(window);
        if (sentence > limit / 2) {
            return sentence;
        }
        int space = window.lastIndexOf(' ');
        if (space > limit / 2) {
            return space;
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static int lastSentenceEnd(String window) {
        for (int i = window.length() - 2; i > 0; i--) {
            char c = window.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(window.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
