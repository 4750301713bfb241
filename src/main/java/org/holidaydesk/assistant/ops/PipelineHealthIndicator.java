package org.holidaydesk.assistant.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code pipeline} in {@code /actuator/health}: DOWN with the reason while a stage keeps failing
 * ({@link PipelineStages}), so that a replica that takes callbacks it cannot answer is seen. Readiness and
 * liveness leave it out: the replica still stores every callback it acknowledges, and a restart mends neither
 * a database nor a configuration.
 */
@Component
class PipelineHealthIndicator implements HealthIndicator {

    private final PipelineStages stages;

    PipelineHealthIndicator(PipelineStages stages) {
        this.stages = stages;
    }

    @Override
    public Health health() {
        List<PipelineStages.Failing> failing = stages.failing();
        Health.Builder health = failing.isEmpty()
                ? Health.up()
                : Health.down()
                        .withDetail(
                                "reason",
                                String.join(
                                        "; ",
                                        failing.stream()
                                                .map(PipelineStages.Failing::reason)
                                                .toList()));
        for (PipelineStages.StageState state : stages.states()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", state.failing() ? "failing" : "working");
            if (state.failuresInARow() > 0) {
                detail.put("failuresInARow", state.failuresInARow());
            }
            state.run().ifPresent(run -> {
                detail.put("since", run.since().toString());
                detail.put("lastFailure", run.lastFailure().toString());
                detail.put("cause", run.cause());
            });
            health.withDetail(state.stage(), detail);
        }
        return health.build();
    }
}
