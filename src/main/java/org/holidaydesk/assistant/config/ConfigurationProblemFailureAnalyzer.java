package org.holidaydesk.assistant.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ConfigurationProblemException} into one startup message instead of a stack trace. */
class ConfigurationProblemFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblemException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblemException cause) {
        String description = "The service cannot start:\n  - " + String.join("\n  - ", cause.problems());
        String action = "Set the variables named above (see .env.example and the README's configuration table), "
                + "then start the service again.";
        return new FailureAnalysis(description, action, cause);
    }
}
