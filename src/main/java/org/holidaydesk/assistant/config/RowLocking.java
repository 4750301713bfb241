package org.holidaydesk.assistant.config;

import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How a claim keeps other replicas off the rows it takes. On PostgreSQL (any number of replicas) the claim
 * locks them with {@code FOR UPDATE SKIP LOCKED}, so replicas never wait on each other. An embedded H2
 * database belongs to one process, so there is no other replica to keep off; and H2 locks every row that
 * matches before it applies the claim's {@code LIMIT}, which with a backlog of ten thousand callbacks made
 * each claim cost milliseconds of CPU. There the claims of one replica are taken one at a time instead
 * (the callers serialise them) and select without a lock. H2 served over TCP may be shared, so it locks.
 */
@Component
public class RowLocking {

    private final boolean embeddedH2;

    public RowLocking(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "").toLowerCase(Locale.ROOT);
        this.embeddedH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** The clause that ends a claim's {@code SELECT}: {@code " FOR UPDATE SKIP LOCKED"}, or nothing on embedded H2. */
    public String skipLocked() {
        return embeddedH2 ? "" : " FOR UPDATE SKIP LOCKED";
    }
}
