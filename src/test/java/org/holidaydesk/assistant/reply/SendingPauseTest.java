package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.junit.jupiter.api.Test;

/** Pausing on a token or account error, probing once per interval, resuming on the first delivery. */
class SendingPauseTest {

    private static final ReplyProperties PROPERTIES = new ReplyProperties(
            Duration.ofMillis(250),
            50,
            Duration.ofSeconds(60),
            6,
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            Duration.ofSeconds(6),
            Duration.ofMinutes(15),
            80,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    private static final SendOutcome TOKEN_EXPIRED = new SendOutcome(
            SendResult.answered(401, 190, "(#190) Error validating access token", null),
            new Decision(SendAction.PAUSE, Duration.ZERO, "token", false));
    private static final OutboundMessage QUEUED =
            new OutboundMessage(1, "g", "40712345678", "1", Outbox.TEXT, "hi", null, 0, false);
    private static final OutboundMessage PROBE =
            new OutboundMessage(2, "g", "40712345678", "1", Outbox.TEXT, "hi", null, 0, true);

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final SendingPause pause = new SendingPause(PROPERTIES, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void sendsFreelyUntilPaused() {
        assertThat(pause.paused()).isFalse();
        assertThat(pause.holds(QUEUED)).isFalse();
        assertThat(pause.takeProbe()).isFalse();
    }

    @Test
    void holdsEveryReplyButTheProbeWhilePaused() {
        pause.pause(TOKEN_EXPIRED);

        assertThat(pause.paused()).isTrue();
        assertThat(pause.holds(QUEUED)).isTrue();
        assertThat(pause.holds(PROBE)).isFalse();
        assertThat(pause.current()).hasValueSatisfying(state -> {
            assertThat(state.metaCode()).isEqualTo(190);
            assertThat(state.since()).isEqualTo(now);
            assertThat(state.reason()).contains("Error validating access token");
        });
    }

    @Test
    void probesOncePerInterval() {
        pause.pause(TOKEN_EXPIRED);

        assertThat(pause.takeProbe()).isFalse();
        now = now.plusSeconds(30);
        assertThat(pause.takeProbe()).isTrue();
        assertThat(pause.takeProbe()).isFalse();
        now = now.plusSeconds(29);
        assertThat(pause.takeProbe()).isFalse();
        now = now.plusSeconds(1);
        assertThat(pause.takeProbe()).isTrue();
    }

    @Test
    void aFailedProbeKeepsThePauseAndItsStart() {
        Instant start = now;
        pause.pause(TOKEN_EXPIRED);
        now = now.plusSeconds(30);
        pause.takeProbe();

        pause.pause(TOKEN_EXPIRED);

        assertThat(pause.current()).hasValueSatisfying(state -> {
            assertThat(state.since()).isEqualTo(start);
            assertThat(state.nextProbeAt()).isEqualTo(now.plusSeconds(30));
        });
    }

    @Test
    void resumesForEveryoneOnTheFirstDelivery() {
        pause.pause(TOKEN_EXPIRED);

        pause.delivered();

        assertThat(pause.paused()).isFalse();
        assertThat(pause.holds(QUEUED)).isFalse();
    }
}
