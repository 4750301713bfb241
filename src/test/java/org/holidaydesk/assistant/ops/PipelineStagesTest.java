package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.time.Instant;
import org.holidaydesk.assistant.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

/** When a stage of the pipeline counts as failing, and when it works again. */
class PipelineStagesTest {

    private static final Duration CLEARS_AFTER = Duration.ofMinutes(3);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PipelineStages stages = new PipelineStages(meters, 3, CLEARS_AFTER, clock);

    private static final Exception REFUSED = new BadSqlGrammarException(
            "record",
            "INSERT INTO guest_message ... ON CONFLICT",
            new SQLSyntaxErrorException("Syntax error in SQL statement, guest 40752601815", "42000"));

    @Test
    void aStageIsFailingAfterFailuresInARowAndWorksAgainWithTheNextSuccess() {
        stages.failed("inbox", REFUSED);
        stages.failed("inbox", REFUSED);
        assertThat(stages.failing()).isEmpty();

        stages.failed("inbox", REFUSED);

        assertThat(stages.failing()).singleElement().satisfies(failing -> {
            assertThat(failing.stage()).isEqualTo("inbox");
            assertThat(failing.failures()).isEqualTo(3);
            assertThat(failing.reason())
                    .contains(
                            "inbox: 3 failures in a row",
                            "BadSqlGrammarException",
                            "SQLSyntaxErrorException",
                            "SQL state 42000",
                            "guests are not answered");
        });
        assertThat(gauge("inbox")).isEqualTo(1);
        assertThat(gauge("turns")).isZero();
        assertThat(failures("inbox")).isEqualTo(3);

        stages.succeeded("inbox");

        assertThat(stages.failing()).isEmpty();
        assertThat(gauge("inbox")).isZero();
        assertThat(failures("inbox")).isEqualTo(3);
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        stages.failed("turns", REFUSED);
        stages.failed("turns", REFUSED);
        stages.succeeded("turns");
        stages.failed("turns", REFUSED);
        stages.failed("turns", REFUSED);

        assertThat(stages.failing()).isEmpty();
        assertThat(failures("turns")).isEqualTo(4);
    }

    @Test
    void aPollThatWorksClearsFailedPollsButNotFailedWork() {
        for (int i = 0; i < 5; i++) {
            stages.pollFailed("replies", REFUSED);
            stages.pollFailed("inbox", REFUSED);
        }
        stages.failed("inbox", REFUSED);
        assertThat(stages.failing()).extracting(PipelineStages.Failing::stage).containsExactly("inbox", "replies");

        stages.polled("replies");
        stages.polled("inbox");

        assertThat(stages.failing()).extracting(PipelineStages.Failing::stage).containsExactly("inbox");
    }

    @Test
    void theDatabaseBackEndsARunThatEndedInFailedPolls() {
        stages.failed("turns", REFUSED);
        for (int i = 0; i < 5; i++) {
            stages.pollFailed("turns", REFUSED);
        }
        assertThat(stages.failing()).isNotEmpty();

        stages.polled("turns");

        assertThat(stages.failing()).isEmpty();
    }

    @Test
    void failedWorkThatIsNotTriedAgainClearsOnceNothingFailedForLong() {
        for (int i = 0; i < 3; i++) {
            stages.failed("inbox", REFUSED);
        }
        clock.advance(CLEARS_AFTER.minusSeconds(1));
        stages.polled("inbox");
        assertThat(stages.failing()).isNotEmpty();

        clock.advance(Duration.ofSeconds(2));

        assertThat(stages.failing()).isEmpty();
        assertThat(gauge("inbox")).isZero();
        stages.polled("inbox");
        stages.failed("inbox", REFUSED);
        assertThat(stages.failing()).as("a new run counts from one").isEmpty();
    }

    @Test
    void namesTheKindOfFailureAndNothingItSays() {
        assertThat(PipelineStages.kindOf(REFUSED))
                .isEqualTo("BadSqlGrammarException caused by SQLSyntaxErrorException, SQL state 42000")
                .doesNotContain("40752601815");
        assertThat(PipelineStages.kindOf(new IllegalStateException("guest 40752601815")))
                .isEqualTo("IllegalStateException");
    }

    @Test
    void healthShowsEveryStageAndWhyOneFails() {
        for (int i = 0; i < 3; i++) {
            stages.failed("turns", REFUSED);
        }

        var health = new PipelineHealthIndicator(stages).health();

        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.getDetails()).containsKeys("reason", "inbox", "turns", "replies");
        assertThat((String) health.getDetails().get("reason")).startsWith("turns: 3 failures in a row");
        assertThat(health.getDetails().get("turns").toString()).contains("state=failing", "failuresInARow=3");
        assertThat(health.getDetails().get("inbox").toString()).contains("state=working");
        stages.succeeded("turns");
        assertThat(new PipelineHealthIndicator(stages).health().getStatus().getCode())
                .isEqualTo("UP");
    }

    private double gauge(String stage) {
        return meters.get("assistant.pipeline.failing")
                .tag("stage", stage)
                .gauge()
                .value();
    }

    private double failures(String stage) {
        return meters.get("assistant.pipeline.failures")
                .tag("stage", stage)
                .counter()
                .count();
    }
}
