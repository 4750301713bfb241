package org.holidaydesk.assistant.reply;

import java.util.function.LongSupplier;

/**
 * A token bucket that hands out reservations: each send takes a token at once, and when the bucket is
 * empty the caller learns how long to wait for its token. Callers queue up fairly in the order they
 * reserved, and the long-run rate never exceeds {@code ratePerSecond}; a full bucket allows one second's
 * worth of sends in a burst.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, LongSupplier nanoTime) {
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(1, ratePerSecond);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes one token; returns how many nanoseconds the caller must wait before using it (0: at once). */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedAt) * ratePerNano);
        updatedAt = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }
}
