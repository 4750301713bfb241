package org.holidaydesk.assistant.agent.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The property tool calls the offline agent makes in a turn, for the turn's trace: each with its
 * arguments, its answer (or why it failed) and the time it took. Recording is begun on the thread that
 * runs the guest's turn and reaches the thread the agent answers on by inheritance (the agent runs on a
 * thread that thread starts); calls made outside a recorded turn are not kept.
 */
@Component
public class OfflineToolCalls {

    /** One tool call: {@code result} is the tool's answer (a typed record), null when it failed. */
    public record Call(String tool, Map<String, Object> arguments, Object result, String error, long millis) {}

    private final InheritableThreadLocal<List<Call>> current = new InheritableThreadLocal<>();

    /** Starts recording the calls of the turn run by this thread and the threads it starts; returns them, as they come. */
    public List<Call> begin() {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        current.set(calls);
        return calls;
    }

    /** Stops recording on this thread. */
    public void end() {
        current.remove();
    }

    /** Runs one tool call, recorded when a turn is being recorded. */
    public <T> T call(String tool, Map<String, Object> arguments, Supplier<T> call) {
        List<Call> calls = current.get();
        if (calls == null) {
            return call.get();
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            calls.add(new Call(tool, arguments, result, null, millisSince(start)));
            return result;
        } catch (RuntimeException e) {
            calls.add(new Call(
                    tool,
                    arguments,
                    null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    millisSince(start)));
            throw e;
        }
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
