package org.holidaydesk.assistant.ops;

import ch.qos.logback.core.boolex.PropertyConditionBase;
import org.springframework.core.env.Environment;

/**
 * The condition of {@code logback-spring.xml}: true when {@code logging.structured.format.console} names a
 * format (APP_ENV=production sets {@code ecs} unless told otherwise), so the console writes one JSON object
 * per line; false (readable text) when it is unset or blank. It asks the Spring environment Spring Boot
 * hands to logback rather than the system property, which outlives one application in a shared JVM.
 */
public class StructuredConsoleCondition extends PropertyConditionBase {

    static final String FORMAT = "logging.structured.format.console";

    @Override
    public boolean evaluate() {
        Object environment = getContext() == null ? null : getContext().getObject(Environment.class.getName());
        String format = environment instanceof Environment spring
                ? spring.getProperty(FORMAT)
                : property("CONSOLE_LOG_STRUCTURED_FORMAT");
        return format != null && !format.isBlank();
    }
}
