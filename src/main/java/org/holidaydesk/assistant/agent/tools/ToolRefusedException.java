package org.holidaydesk.assistant.agent.tools;

/**
 * A property tool answered {@code isError}: the question cannot be answered as asked (a past date, an
 * unknown property). The message is the tool's reason, written for a model; the offline agent turns it
 * into a question for the guest and never shows it as it is.
 */
public class ToolRefusedException extends RuntimeException {

    private final String tool;

    public ToolRefusedException(String tool, String reason) {
        super(reason, null, false, false);
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }
}
