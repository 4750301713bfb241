package org.holidaydesk.assistant.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three callbacks stored in one statement, so that the inbox claims them as one batch, the middle one
 * refused by the database when its message is recorded: the other two are recorded and marked processed
 * (their batch commits), the refused one stays unprocessed and recorded nowhere. Closing it lets the database
 * take the refused message again.
 */
public final class PoisonedBatch implements AutoCloseable {

    private static final String CONSTRAINT = "refuses_poisoned_batch";
    private static final String QUESTION = "Is Casa Pescarului free next month for two?";

    private final JdbcTemplate jdbc;
    private final String prefix;

    public PoisonedBatch(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    public String poisoned() {
        return prefix + "-poisoned";
    }

    /** Stores the batch with the database refusing its middle message, and checks what the pipeline did. */
    public void storeAndCheckTheOthersAreCommitted() {
        jdbc.execute(
                "ALTER TABLE guest_message ADD CONSTRAINT " + CONSTRAINT + " CHECK (wamid <> '" + poisoned() + "')");
        List<String> wamids = List.of(prefix + "-first", poisoned(), prefix + "-last");
        List<Object> values = new ArrayList<>();
        for (String wamid : wamids) {
            byte[] body = Fixtures.textCallback(wamid, QUESTION);
            values.add(Timestamp.from(Instant.now()));
            values.add(Fixtures.sign(body));
            values.add(body);
        }
        jdbc.update(
                "INSERT INTO inbox (received_at, signature, payload) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)",
                values.toArray());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> processed(prefix + "-first") && processed(prefix + "-last"));
        assertThat(recorded(prefix + "-first")).isTrue();
        assertThat(recorded(prefix + "-last")).isTrue();
        assertThat(recorded(poisoned())).isFalse();
        assertThat(processed(poisoned())).isFalse();
    }

    /** Lets the database take the refused message again. */
    @Override
    public void close() {
        jdbc.execute("ALTER TABLE guest_message DROP CONSTRAINT IF EXISTS " + CONSTRAINT);
    }

    public boolean recorded(String wamid) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM guest_message WHERE wamid = ?", Long.class, wamid);
        return count != null && count == 1;
    }

    private boolean processed(String wamid) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbox WHERE processed_at IS NOT NULL AND payload = ?", Long.class, (Object)
                        Fixtures.textCallback(wamid, QUESTION));
        return count != null && count == 1;
    }
}
