package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.ProducerTemplate;
import org.holidaydesk.assistant.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What is older than Meta's redelivery window goes; what is still pending or needs an operator stays. */
@ServiceTest
class RetentionTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProducerTemplate camel;

    @Test
    void forgetsOldProcessedCallbacksSentRepliesStatusesTracesAndMessageIdsButKeepsPendingWork() {
        Timestamp old = Timestamp.from(Instant.now().minus(8, ChronoUnit.DAYS));
        Timestamp recent = Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS));
        jdbc.update(
                "INSERT INTO inbox (received_at, signature, payload, processed_at) VALUES (?, 'sha256=old', X'7B7D', ?)",
                old,
                old);
        jdbc.update(
                "INSERT INTO inbox (received_at, signature, payload) VALUES (?, 'sha256=unprocessed', X'7B7D')", old);
        jdbc.update(
                "INSERT INTO outbox (guest_id, recipient, phone_number_id, kind, body, state, next_attempt_at, created_at, sent_at)"
                        + " VALUES ('g-old', 'g-old', '1', 'text', 'sent long ago', 'SENT', ?, ?, ?)",
                old,
                old,
                old);
        jdbc.update(
                "INSERT INTO outbox (guest_id, recipient, phone_number_id, kind, body, state, next_attempt_at, created_at)"
                        + " VALUES ('g-held', 'g-held', '1', 'text', 'held', 'PENDING', ?, ?)",
                old,
                old);
        jdbc.update(
                "INSERT INTO message_status (wamid, status, received_at) VALUES ('wamid.old-status', 'read', ?)", old);
        jdbc.update(
                "INSERT INTO message_status (wamid, status, received_at) VALUES ('wamid.new-status', 'read', ?)",
                recent);
        jdbc.update(
                "INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, received_at, state)"
                        + " VALUES ('wamid.old-answered', 'g', 'g', '1', 'TEXT', ?, 'ANSWERED')",
                old);
        jdbc.update(
                "INSERT INTO guest_message (wamid, guest_id, reply_to, phone_number_id, kind, received_at, state)"
                        + " VALUES ('wamid.recent', 'g', 'g', '1', 'TEXT', ?, 'ANSWERED')",
                recent);
        for (Timestamp at : new Timestamp[] {old, recent}) {
            jdbc.update(
                    "INSERT INTO turn_trace (guest_id, agent, reason, detail, started_at, finished_at)"
                            + " VALUES ('g-trace', 'offline', ?, '{}', ?, ?)",
                    at == old ? "old turn" : "recent turn",
                    at,
                    at);
        }

        camel.sendBody("direct:retention", null);

        assertThat(count("SELECT COUNT(*) FROM inbox WHERE signature = 'sha256=old'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox WHERE signature = 'sha256=unprocessed'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE guest_id = 'g-old'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE guest_id = 'g-held'"))
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT wamid FROM message_status WHERE wamid LIKE 'wamid.%-status'", String.class))
                .containsExactly("wamid.new-status");
        assertThat(jdbc.queryForList(
                        "SELECT wamid FROM guest_message WHERE wamid IN ('wamid.old-answered', 'wamid.recent')",
                        String.class))
                .containsExactly("wamid.recent");
        assertThat(jdbc.queryForList("SELECT reason FROM turn_trace WHERE guest_id = 'g-trace'", String.class))
                .containsExactly("recent turn");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
