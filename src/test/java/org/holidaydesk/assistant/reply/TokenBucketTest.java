package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The send rate: a second's worth of sends at once, then one token per 1/rate seconds. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void letsAFullSecondsBurstThroughThenSpacesTheRest() {
        TokenBucket bucket = new TokenBucket(10, now::get);

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.reserve()).as("send %d", i + 1).isZero();
        }
        assertThat(bucket.reserve()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(bucket.reserve()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void refillsAtTheRateButNeverBeyondOneSecondsWorth() {
        TokenBucket bucket = new TokenBucket(80, now::get);
        for (int i = 0; i < 80; i++) {
            bucket.reserve();
        }

        now.addAndGet(TimeUnit.SECONDS.toNanos(60));

        for (int i = 0; i < 80; i++) {
            assertThat(bucket.reserve()).isZero();
        }
        assertThat(bucket.reserve()).isPositive();
    }

    @Test
    void allowsOneSendAtATimeBelowOnePerSecond() {
        TokenBucket bucket = new TokenBucket(0.5, now::get);

        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }
}
