package org.holidaydesk.assistant.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How hard Meta is delivering right now: callbacks stored over the last second, in ten slots of 100 ms.
 * Above {@code assistant.pipeline.busy-above} per second the webhook is <em>busy</em>, and the pipeline
 * behind it yields the cores to the acknowledgements: it reads the inbox only on its timer, at most
 * {@code assistant.pipeline.intake-while-busy} callbacks a second, and catches up at full speed once the
 * burst is over. Nothing waits for this: a callback is committed and acknowledged whatever the pressure.
 */
@Component
public class IngressPressure {

    private static final int SLOTS = 10;
    private static final long SLOT_NANOS = 100_000_000L;

    private final PipelineProperties properties;
    private final LongSupplier nanos;
    /** Callbacks stored in each 100 ms slot; {@code stamps} says which slot of time each count belongs to. */
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);

    private final AtomicLongArray stamps = new AtomicLongArray(SLOTS);

    @Autowired
    public IngressPressure(PipelineProperties properties, MeterRegistry meters) {
        this(properties, System::nanoTime);
        Gauge.builder("whatsapp.ingress.busy", this, pressure -> pressure.busy() ? 1 : 0)
                .description("1 while the webhook is busy and the pipeline reads the inbox at its reduced pace")
                .register(meters);
    }

    IngressPressure(PipelineProperties properties, LongSupplier nanos) {
        this.properties = properties;
        this.nanos = nanos;
    }

    /** {@code n} callbacks were stored. */
    void stored(int n) {
        long slot = nanos.getAsLong() / SLOT_NANOS;
        int i = (int) (slot % SLOTS);
        if (stamps.get(i) != slot) {
            // the slot's time came round again: what it counted is older than a second
            stamps.set(i, slot);
            counts.set(i, 0);
        }
        counts.addAndGet(i, n);
    }

    /** Callbacks stored over the last second. */
    long perSecond() {
        long now = nanos.getAsLong() / SLOT_NANOS;
        long sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (now - stamps.get(i) < SLOTS) {
                sum += counts.get(i);
            }
        }
        return sum;
    }

    /** Whether the webhook takes more callbacks a second than {@code busy-above}. */
    public boolean busy() {
        return perSecond() > properties.busyAbove();
    }

    /** Inbox rows one read may claim: the configured batch, or while busy what the reduced pace allows per poll. */
    int claimBatch() {
        if (!busy()) {
            return properties.claimBatch();
        }
        long perPoll = properties.intakeWhileBusy() * properties.pollInterval().toMillis() / 1000;
        return (int) Math.max(1, Math.min(properties.claimBatch(), perPoll));
    }
}
