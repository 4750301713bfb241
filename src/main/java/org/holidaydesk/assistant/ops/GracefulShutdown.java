package org.holidaydesk.assistant.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.BrowsableEndpoint;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.holidaydesk.assistant.reply.OutboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What a replica does when it is told to stop (SIGTERM: a rolling update, a scale-down, a node drain),
 * before the web server and Camel stop: it stops claiming (it stops the routes of group {@value #INTAKE}: no new
 * callbacks from the inbox, no new guests' turns), lets the running and already leased turns finish (the
 * embedded MCP server they may call is still up), then waits until the replies those turns queued have
 * gone to Meta. Each wait is bounded (a turn by the agent timeout, a send by the Cloud API timeouts); what
 * is left then stays in the database, where another replica, or this one restarted, takes it up once its
 * lease runs out. Callbacks keep being accepted meanwhile: they are stored, and other replicas answer them.
 *
 * <p>It stops in a phase before the web server's graceful shutdown, and blocks that phase until done.
 */
@Component
@ConditionalOnProperty(name = "assistant.webhook.enabled", havingValue = "true", matchIfMissing = true)
class GracefulShutdown implements SmartLifecycle {

    /** The route group that takes new work: inbox polls and wake-ups, turn polls and wake-ups. */
    static final String INTAKE = "intake";
    /** The route that runs guests' turns, one exchange per leased guest. */
    static final String TURNS = "guest-turn";

    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    /** Looked up when stopping: a constructor dependency on it would have Spring start Camel before its routes are added. */
    private final ObjectProvider<CamelContext> camelContext;

    private final OutboxClaims outbox;
    private final Duration turnsWithin;
    private final Duration repliesWithin;
    private volatile boolean running;

    GracefulShutdown(
            ObjectProvider<CamelContext> camelContext,
            OutboxClaims outbox,
            PipelineProperties pipeline,
            ReplyProperties reply) {
        this.camelContext = camelContext;
        this.outbox = outbox;
        this.turnsWithin = pipeline.agentTimeout().plus(MARGIN);
        this.repliesWithin =
                reply.connectTimeout().plus(reply.responseTimeout()).plus(MARGIN);
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
        CamelContext camel = camelContext.getIfAvailable();
        if (camel == null) {
            return;
        }
        long start = System.nanoTime();
        List<Route> intake = camel.getRoutes().stream()
                .filter(r -> INTAKE.equals(r.getGroup()))
                .toList();
        // in parallel: a queue's consumer takes up to its poll timeout (1 s) to stop
        intake.parallelStream().forEach(route -> {
            try {
                camel.getRouteController().stopRoute(route.getRouteId());
            } catch (Exception e) {
                LOG.warn(
                        "Route {} did not stop ({}); its claims run out by themselves",
                        route.getRouteId(),
                        e.toString());
            }
        });
        LOG.info(
                "Stopping: this replica claims no more callbacks or turns; finishing {} turn(s) and sending their replies",
                runningTurns(camel));
        boolean turnsDone = waitUntil(() -> runningTurns(camel) == 0, turnsWithin);
        Instant answered = Instant.now();
        boolean repliesDone = waitUntil(() -> outbox.dueFromHere(answered) == 0, repliesWithin);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (turnsDone && repliesDone) {
            LOG.info("Ready to stop after {} ms: every turn here is answered and its replies are sent", millis);
        } else {
            LOG.warn(
                    "Stopping after {} ms with {} turn(s) running and {} reply(ies) due; they stay in the database "
                            + "for another replica",
                    millis,
                    runningTurns(camel),
                    outbox.dueFromHere(answered));
        }
    }

    /** Turns running on this replica, and leased guests whose turn waits for a worker. */
    private static int runningTurns(CamelContext camel) {
        Route route = camel.getRoute(TURNS);
        if (route == null) {
            return 0;
        }
        int queued = route.getEndpoint() instanceof BrowsableEndpoint queue
                ? queue.getExchanges().size()
                : 0;
        return camel.getInflightRepository().size(TURNS) + queued;
    }

    private static boolean waitUntil(BooleanSupplier done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
