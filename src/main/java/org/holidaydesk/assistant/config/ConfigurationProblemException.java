package org.holidaydesk.assistant.config;

import java.util.List;

/** The configuration cannot run: each problem names the environment variable to fix. */
public class ConfigurationProblemException extends RuntimeException {

    private final List<String> problems;

    public ConfigurationProblemException(List<String> problems) {
        super("Configuration problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
