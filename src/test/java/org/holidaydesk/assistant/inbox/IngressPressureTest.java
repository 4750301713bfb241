package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.junit.jupiter.api.Test;

/** The webhook's pressure over the last second, and the inbox reads it allows the pipeline. */
class IngressPressureTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final IngressPressure pressure = new IngressPressure(
            new PipelineProperties(
                    Duration.ofMillis(200),
                    100,
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(10),
                    16,
                    Duration.ofSeconds(30),
                    Duration.ofDays(7),
                    200,
                    50,
                    3),
            nanos::get);

    @Test
    void aQuietWebhookLeavesThePipelineItsWholeBatch() {
        pressure.stored(150);
        assertThat(pressure.busy()).isFalse();
        assertThat(pressure.claimBatch()).isEqualTo(100);
    }

    @Test
    void aBurstMakesItBusyAndThePipelineReadsAtItsReducedPace() {
        for (int i = 0; i < 10; i++) {
            pressure.stored(25);
            advance(Duration.ofMillis(90));
        }
        assertThat(pressure.perSecond()).isEqualTo(250);
        assertThat(pressure.busy()).isTrue();
        // 50 callbacks a second, read every 200 ms
        assertThat(pressure.claimBatch()).isEqualTo(10);
    }

    @Test
    void whatWasStoredMoreThanASecondAgoNoLongerCounts() {
        pressure.stored(300);
        assertThat(pressure.busy()).isTrue();
        advance(Duration.ofMillis(600));
        pressure.stored(20);
        assertThat(pressure.perSecond()).isEqualTo(320);
        advance(Duration.ofMillis(500));
        assertThat(pressure.perSecond()).isEqualTo(20);
        assertThat(pressure.busy()).isFalse();
        advance(Duration.ofSeconds(5));
        assertThat(pressure.perSecond()).isZero();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
