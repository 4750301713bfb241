package org.holidaydesk.assistant.reply;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads {@code reply.camel.yaml} sends a claimed batch on ({@code executorService: replySenders}): one per
 * reply, each parked until its send slot comes. They are virtual threads, so a parked reply holds no stack of its
 * own and no platform threads are kept alive between batches. At most claim-batch of them send at once, whatever
 * the number of batches the poll and the wake-up have claimed meanwhile: the rest wait for a place, in order,
 * before they send anything, which bounds what a killed replica can have sent without recording it.
 * Bound in Camel's registry only: as a Spring bean, an executor would stand in for Spring Boot's task executor.
 * Closed, every started send finished, after Camel has stopped.
 */
@Component
class ReplySenderThreads implements CamelContextConfiguration, DisposableBean {

    static final String NAME = "replySenders";

    private final ExecutorService senders;

    ReplySenderThreads(ReplyProperties properties) {
        this.senders = new Bounded(
                properties.claimBatch(),
                Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("reply-sender-", 0).factory()));
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getRegistry().bind(NAME, ExecutorService.class, senders);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }

    @Override
    public void destroy() {
        senders.close();
    }

    /** A thread per task, at most {@code places} of them running their task at once (first come, first run). */
    static final class Bounded extends AbstractExecutorService {

        private final Semaphore places;
        private final ExecutorService threads;

        Bounded(int places, ExecutorService threads) {
            this.places = new Semaphore(places, true);
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            threads.execute(() -> {
                places.acquireUninterruptibly();
                try {
                    task.run();
                } finally {
                    places.release();
                }
            });
        }

        @Override
        public void shutdown() {
            threads.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return threads.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return threads.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return threads.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return threads.awaitTermination(timeout, unit);
        }
    }
}
