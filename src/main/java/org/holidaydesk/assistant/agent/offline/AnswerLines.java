package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.List;

/** An answer's lines, joined by line breaks; blank lines are left out. */
final class AnswerLines {

    private final List<String> lines = new ArrayList<>();

    AnswerLines add(String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
        return this;
    }

    void prepend(String line) {
        lines.add(0, line);
    }

    int size() {
        return lines.size();
    }

    String text() {
        return String.join("\n", lines);
    }
}
