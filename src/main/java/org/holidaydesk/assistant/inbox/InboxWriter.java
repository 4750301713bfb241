package org.holidaydesk.assistant.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.InboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores raw callbacks in the {@code inbox} table and returns only once they are committed.
 *
 * <p>Concurrent requests share commits: each request queues its callback and waits; one writer thread
 * takes whatever is queued (up to {@code maxBatch}), inserts it as one JDBC batch and commits once, then
 * releases every waiting request. A commit failure or a timeout is an {@link InboxUnavailableException},
 * which the webhook answers with 503 so that Meta delivers the callback again.
 */
@Component("inboxWriter")
public class InboxWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    private static final String INSERT = "INSERT INTO inbox (received_at, signature, payload) VALUES (?, ?, ?)";

    private final DataSource dataSource;
    private final InboxProperties properties;
    private final PipelineWakeUps wakeUps;
    private final IngressPressure pressure;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private volatile Thread writer;
    private volatile boolean running;

    public InboxWriter(
            DataSource dataSource, InboxProperties properties, PipelineWakeUps wakeUps, IngressPressure pressure) {
        this.dataSource = dataSource;
        this.pressure = pressure;
        this.properties = properties;
        this.wakeUps = wakeUps;
        this.clock = Clock.systemUTC();
        this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
    }

    private record Pending(Instant receivedAt, String signature, byte[] payload, CompletableFuture<Void> committed) {}

    /** Commits one callback; returns when it is durable, or throws when it cannot be stored in time. */
    public void store(@Body byte[] payload, @Header("X-Hub-Signature-256") String signature)
            throws InboxUnavailableException {
        Pending pending = new Pending(clock.instant(), signature, payload, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new InboxUnavailableException("the inbox is not accepting callbacks right now", null);
        }
        try {
            pending.committed().get(properties.storeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // best effort: a callback still queued is dropped; one already in a commit may land, which
            // only means Meta's redelivery finds a duplicate that the message id idempotency absorbs
            pending.committed().cancel(false);
            throw new InboxUnavailableException("the inbox commit took longer than " + properties.storeTimeout(), e);
        } catch (ExecutionException e) {
            throw new InboxUnavailableException("the inbox commit failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxUnavailableException("interrupted while waiting for the inbox commit", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(properties.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.maxBatch() - 1);
                if (pressure.busy()) {
                    gather(batch);
                }
                batch.removeIf(p -> p.committed().isDone());
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.committed().completeExceptionally(e));
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Under load, more callbacks are on their way while one is taken: each commit of the embedded database
     * writes a chunk of its own, so a commit that waits {@code commitLinger} for them costs the acknowledgements
     * less than one commit each.
     */
    private void gather(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + properties.commitLinger().toNanos();
        while (batch.size() < properties.maxBatch()) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, properties.maxBatch() - batch.size());
        }
    }

    private void commit(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending p : batch) {
                    insert.setTimestamp(1, Timestamp.from(p.receivedAt()));
                    insert.setString(2, p.signature());
                    insert.setBytes(3, p.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException | AssertionError e) {
                rollbackQuietly(connection);
                throw e;
            }
            batch.forEach(p -> p.committed().complete(null));
            pressure.stored(batch.size());
            // a busy webhook keeps the cores: the inbox route then reads on its timer only
            if (!pressure.busy()) {
                wakeUps.inbox();
            }
        } catch (Exception | AssertionError e) {
            // the writer must outlive any failure of a driver or a connection: fail this batch, go on
            LOG.warn("Inbox commit of {} callback(s) failed: {}", batch.size(), e.toString());
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException | AssertionError ignored) {
            // the connection is broken; the pool discards it
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("inbox-writer").daemon(true).start(this::writeLoop);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(properties.storeTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // starts before and stops after the web server (phase MAX_VALUE - 2048), so that requests in
        // flight during a shutdown still get their commit
        return Integer.MAX_VALUE - 4096;
    }
}
