package org.holidaydesk.assistant.config;

import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Refuses to start a configuration that cannot run, naming every variable to fix at once, before any
 * port opens or bean exists. It runs just after logging has started, so that in production the refusal is
 * one JSON line like every other ({@link ConfigurationProblemFailureAnalyzer} writes it).
 */
public class ConfigurationCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<String> problems = StartupEnvironment.problems(event.getEnvironment());
        if (!problems.isEmpty()) {
            throw new ConfigurationProblemException(problems);
        }
    }
}
