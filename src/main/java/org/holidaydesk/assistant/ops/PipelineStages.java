package org.holidaydesk.assistant.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether each stage of the pipeline does its work, as the routes report it: {@code inbox} (stored callbacks
 * become guest messages and statuses), {@code turns} (guests' turns are begun and finished, their answers
 * queued) and {@code replies} (queued replies go to the Cloud API and Meta's answer is recorded). Each unit
 * of work that fails is counted ({@code assistant_pipeline_failures_total{stage}}) and tried again later by
 * the routes (its claim runs out); a stage whose work failed {@code failing-after} times in a row, nothing
 * succeeding between, is <em>failing</em>: {@code assistant_pipeline_failing{stage}} is 1, the health
 * contributor {@code pipeline} is DOWN (readiness stays up) and {@code /health} says unhealthy, until a unit of
 * work succeeds again.
 *
 * <p>The log gets one line when a stage starts failing and one when it works again; failures before that
 * are one line each (a callback that alone keeps failing shows there), after it none. A line names the kind
 * of failure (exception types, SQL state), never its message: that may quote a guest's number or words.
 *
 * <p>A failed poll (the stage could not even look for work: the database is down) counts as a failure too,
 * and the next poll that succeeds ends a run whose last failure was a poll's: the database is back, and work
 * that failed meanwhile is tried again when its claim runs out. A run that ends in failed work (polls work,
 * the work does not: the database refuses its statements) ends only when work succeeds, or once nothing failed
 * for longer than failed work waits to be tried again ({@link PipelineProperties#failingClearsAfter()}): the
 * work is gone, done by another replica.
 */
@Component("pipelineStages")
public class PipelineStages {

    public static final String INBOX = "inbox";
    public static final String TURNS = "turns";
    public static final String REPLIES = "replies";
    public static final List<String> STAGES = List.of(INBOX, TURNS, REPLIES);

    private static final Logger LOG = LoggerFactory.getLogger(PipelineStages.class);
    private static final Map<String, String> CONSEQUENCE = Map.of(
            INBOX, "stored callbacks are not turned into guest messages, so guests are not answered",
            TURNS, "guests' turns are not answered",
            REPLIES, "queued replies and read receipts are not sent");

    /** A stage reported failing: its run of failures and the kind of the last one. */
    public record Failing(String stage, int failures, Instant since, Instant lastFailure, String cause) {

        /** One sentence for an operator. */
        public String reason() {
            return stage + ": " + failures + " failures in a row since " + since + ", none succeeded (" + cause + "); "
                    + CONSEQUENCE.get(stage);
        }
    }

    /** What health shows of one stage. */
    public record StageState(String stage, boolean failing, int failuresInARow, Optional<Failing> run) {}

    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final int failingAfter;
    private final Duration clearsAfter;
    private final Clock clock;

    @Autowired
    public PipelineStages(MeterRegistry registry, PipelineProperties pipeline, ReplyProperties reply) {
        this(
                registry,
                pipeline.failingAfter(),
                longer(pipeline.failingClearsAfter(), reply.claimLease().multipliedBy(2)),
                Clock.systemUTC());
    }

    PipelineStages(MeterRegistry registry, int failingAfter, Duration clearsAfter, Clock clock) {
        this.failingAfter = failingAfter;
        this.clearsAfter = clearsAfter;
        this.clock = clock;
        for (String name : STAGES) {
            Counter failures = Counter.builder("assistant.pipeline.failures")
                    .tag("stage", name)
                    .description("Units of pipeline work that failed and wait to be tried again, by stage")
                    .register(registry);
            Stage stage = new Stage(name, failures);
            stages.put(name, stage);
            Gauge.builder("assistant.pipeline.failing", stage, s -> s.failing(clock.instant()) ? 1 : 0)
                    .tag("stage", name)
                    .description("1 while a pipeline stage keeps failing, nothing succeeding between")
                    .register(registry);
        }
    }

    /** A unit of the stage's work (a callback, a turn, a reply) went through. */
    public void succeeded(String stage) {
        stage(stage).succeeded(clock.instant());
    }

    /** The stage looked for work, and could: ends a run that ended in failed polls, and a run nothing renewed for long. */
    public void polled(String stage) {
        stage(stage).polled(clock.instant());
    }

    /** A unit of the stage's work failed; it is tried again when its claim runs out. */
    public void failed(String stage, Exception cause) {
        stage(stage).failed(clock.instant(), cause, true);
    }

    /** The stage could not even look for work. */
    public void pollFailed(String stage, Exception cause) {
        stage(stage).failed(clock.instant(), cause, false);
    }

    /** The stages failing now, in pipeline order. */
    public List<Failing> failing() {
        Instant now = clock.instant();
        List<Failing> failing = new ArrayList<>();
        for (Stage stage : stages.values()) {
            stage.failingRun(now).ifPresent(failing::add);
        }
        return failing;
    }

    /** Every stage as health shows it, in pipeline order. */
    public List<StageState> states() {
        Instant now = clock.instant();
        return stages.values().stream().map(stage -> stage.state(now)).toList();
    }

    private Stage stage(String name) {
        Stage stage = stages.get(name);
        if (stage == null) {
            throw new IllegalArgumentException("no pipeline stage " + name + "; stages are " + STAGES);
        }
        return stage;
    }

    /** The kind of a failure, for logs and health: exception types and SQL state, no message. */
    static String kindOf(Throwable failure) {
        Throwable outer = failure;
        while ((outer instanceof RuntimeCamelException || outer instanceof CamelExecutionException)
                && outer.getCause() != null) {
            outer = outer.getCause();
        }
        Throwable root = outer;
        String sqlState = null;
        for (Throwable t = outer; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null && sqlState == null) {
                sqlState = sql.getSQLState();
            }
        }
        StringBuilder kind = new StringBuilder(outer.getClass().getSimpleName());
        if (root != outer) {
            kind.append(" caused by ").append(root.getClass().getSimpleName());
        }
        if (sqlState != null) {
            kind.append(", SQL state ").append(sqlState);
        }
        return kind.toString();
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One stage's current run of failures. */
    private final class Stage {

        private final String name;
        private final Counter failures;
        private int inARow;
        /** The last failure of the run was a poll's: the stage could not reach its work at all. */
        private boolean lastWasPoll;

        private boolean reported;
        private Instant since;
        private Instant lastFailure;
        private String cause;

        Stage(String name, Counter failures) {
            this.name = name;
            this.failures = failures;
        }

        synchronized void failed(Instant now, Exception failure, boolean work) {
            failures.increment();
            if (reported && now.isAfter(lastFailure.plus(clearsAfter))) {
                clear(now, "nothing failed for " + clearsAfter.toSeconds() + " s");
            }
            if (inARow == 0) {
                since = now;
            }
            inARow++;
            lastWasPoll = !work;
            lastFailure = now;
            cause = kindOf(failure);
            if (reported) {
                LOG.debug("Pipeline stage {} failed again ({})", name, cause);
            } else if (inARow >= failingAfter) {
                reported = true;
                LOG.error(
                        "Pipeline stage {} is failing: {} failures in a row since {}, none succeeded ({}); {}. "
                                + "Health reports it until the stage works again",
                        name,
                        inARow,
                        since,
                        cause,
                        CONSEQUENCE.get(name));
            } else {
                LOG.warn(
                        "Pipeline stage {} failed ({}); {}",
                        name,
                        cause,
                        work ? "the work is tried again when its claim runs out" : "the next poll tries again");
            }
        }

        synchronized void succeeded(Instant now) {
            if (inARow > 0) {
                clear(now, "a unit of work went through");
            }
        }

        synchronized void polled(Instant now) {
            if (inARow == 0) {
                return;
            }
            if (lastWasPoll) {
                clear(now, "it can look for work again");
            } else if (now.isAfter(lastFailure.plus(clearsAfter))) {
                clear(now, "nothing failed for " + clearsAfter.toSeconds() + " s");
            }
        }

        synchronized boolean failing(Instant now) {
            return reported && !now.isAfter(lastFailure.plus(clearsAfter));
        }

        synchronized Optional<Failing> failingRun(Instant now) {
            return failing(now) ? Optional.of(new Failing(name, inARow, since, lastFailure, cause)) : Optional.empty();
        }

        synchronized StageState state(Instant now) {
            if (inARow == 0 || now.isAfter(lastFailure.plus(clearsAfter))) {
                return new StageState(name, false, 0, Optional.empty());
            }
            return new StageState(
                    name, failing(now), inARow, Optional.of(new Failing(name, inARow, since, lastFailure, cause)));
        }

        private void clear(Instant now, String why) {
            if (reported) {
                LOG.info(
                        "Pipeline stage {} works again ({}), after {} failures over {} s",
                        name,
                        why,
                        inARow,
                        Duration.between(since, now).toSeconds());
            }
            inARow = 0;
            lastWasPoll = false;
            reported = false;
            since = null;
            lastFailure = null;
            cause = null;
        }
    }
}
