package org.holidaydesk.assistant.agent;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * A task that runs with the log context (MDC: the turn's id, the wamids it answers) of the thread that
 * created it, so that what the agent logs on its own worker thread still names the turn.
 */
public final class WithLogContext {

    private WithLogContext() {}

    public static <T> Callable<T> of(Callable<T> task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                return task.call();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
    }
}
