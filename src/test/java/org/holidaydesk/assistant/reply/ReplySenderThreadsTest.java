package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplySenderThreadsTest {

    @Test
    void sendsAtMostItsPlacesAtOnceAndTheRestWhenPlacesFree() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        try (ExecutorService senders = new ReplySenderThreads.Bounded(2, Executors.newVirtualThreadPerTaskExecutor())) {
            for (int i = 0; i < 5; i++) {
                senders.execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        done.countDown();
                    }
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
            assertThat(done.getCount()).as("three wait for a place").isEqualTo(5);

            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(most.get()).isEqualTo(2);
    }
}
