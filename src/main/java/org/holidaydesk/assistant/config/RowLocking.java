package org.holidaydesk.assistant.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a claim keeps other replicas off the rows it takes. On PostgreSQL (any number of replicas) the claim
 * locks them with {@code FOR UPDATE SKIP LOCKED}, so replicas never wait on each other. An embedded H2
 * database belongs to one process, so there is no other replica to keep off; and H2 locks every row that
 * matches before it applies the claim's {@code LIMIT}, which with a backlog of ten thousand callbacks made
 * each claim cost milliseconds of CPU. There a claim selects without a lock. Either way the claim then
 * takes its rows with {@link #take}, whose {@code UPDATE} says again that each row is still free: H2 and
 * PostgreSQL both re-check a row's condition once they hold its lock, so two claims (two threads of one
 * replica, or two replicas) never take the same row. H2 served over TCP may be shared, so it locks.
 */
@Component
public class RowLocking {

    private final boolean embeddedH2;

    public RowLocking(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "").toLowerCase(Locale.ROOT);
        this.embeddedH2 =
                url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** The clause that ends a claim's {@code SELECT}: {@code " FOR UPDATE SKIP LOCKED"}, or nothing on embedded H2. */
    public String skipLocked() {
        return embeddedH2 ? "" : " FOR UPDATE SKIP LOCKED";
    }

    /**
     * Takes the selected candidates with {@code update}, whose {@code WHERE} names the row and says again that
     * it is free; returns those it took, in their order (another claim may have taken the rest meanwhile).
     */
    public static <T> List<T> take(
            JdbcTemplate jdbc, String update, List<T> candidates, Function<T, Object[]> arguments) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int[] updated =
                jdbc.batchUpdate(update, candidates.stream().map(arguments).toList());
        List<T> taken = new ArrayList<>(candidates.size());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 0) {
                taken.add(candidates.get(i));
            }
        }
        return taken;
    }
}
