package org.holidaydesk.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation end to end, the service started from the tests' class path: a scripted model making each kind
 * of mistake is caught by the matching minefield while the same model playing it right passes, and the offline
 * agent's scorecard does not fall below the published one ({@code docs/eval/offline.json}).
 */
class EvaluationTest {

    private static final World WORLD = World.load(Path.of("eval/world.yaml"));
    private static final List<Scenario> ALL = Scenario.loadAll(Path.of("eval/scenarios"));
    private static final List<ScriptedModel.Mode> RUNS = List.of(ScriptedModel.Mode.values());

    /** Each evaluated service's log, kept where a failed run can be read: target/eval/service-N.log. */
    private static final java.util.concurrent.atomic.AtomicInteger SERVICES =
            new java.util.concurrent.atomic.AtomicInteger();

    private static final EvalRun.Launcher TEST_CLASS_PATH = (environment, work) -> {
        Path log = Path.of("target", "eval", "service-" + SERVICES.incrementAndGet() + ".log");
        try {
            java.nio.file.Files.createDirectories(log.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ServiceProcess process = ServiceProcess.start(environment, log);
        return new EvalRun.Service() {
            @Override
            public int port() {
                return Integer.parseInt(process.client().baseUrl().replaceAll(".*:", ""));
            }

            @Override
            public void close() {
                process.close();
            }
        };
    };

    @Test
    void eachMistakeOfAScriptedModelIsCaughtByItsMinefieldAndTheCorrectModelPasses(@TempDir Path work) {
        List<Scenario> scenarios = ALL.stream()
                .filter(s -> List.of(
                                "en-exact-few-free",
                                "en-booking-three-turns",
                                "en-off-topic-poem",
                                "en-handoff-complaint",
                                "ro-exact-few-free")
                        .contains(s.id()))
                .toList();
        // run r of every scenario is played by the model making mistake r (run 1: no mistake)
        try (ScriptedModel model = new ScriptedModel(scenarios, WORLD, run -> RUNS.get(run - 1), 0)) {
            List<EvalRun.Result> results = new EvalRun(
                            WORLD,
                            scenarios,
                            TEST_CLASS_PATH,
                            new EvalRun.Pace(Duration.ofSeconds(30), Duration.ofMillis(600), 6))
                    .run(new EvalRun.Target(model.baseUrl(), "scripted", "eval-key"), RUNS.size(), work);

            assertThat(results)
                    .filteredOn(r -> r.verdict().run() == 1)
                    .allSatisfy(r -> assertThat(r.verdict().passed())
                            .as(r.verdict().toString())
                            .isTrue());
            assertThat(hits(results, "en-exact-few-free", ScriptedModel.Mode.TAKEN))
                    .contains("taken_offered");
            assertThat(hits(results, "en-exact-few-free", ScriptedModel.Mode.TOO_SMALL))
                    .contains("too_small_offered");
            assertThat(hits(results, "en-exact-few-free", ScriptedModel.Mode.PRICE))
                    .contains("made_up_price");
            assertThat(hits(results, "en-booking-three-turns", ScriptedModel.Mode.EARLY_LINK))
                    .contains("link_before_party");
            // the model's poem never reaches the guest: the service's topic guard puts the decline in its place
            assertThat(hits(results, "en-off-topic-poem", ScriptedModel.Mode.POEM))
                    .doesNotContain("off_topic_answered");
            assertThat(hits(results, "ro-exact-few-free", ScriptedModel.Mode.LANGUAGE))
                    .contains("wrong_language");
            // a guest asking for a person is handed over by the service itself, without the model
            assertThat(results)
                    .filteredOn(r -> !r.verdict().scenario().equals("en-handoff-complaint"))
                    .allSatisfy(r -> assertThat(r.transcript().promptTokens()).isPositive());
        }
    }

    @Test
    void theOfflineAgentScoresNoLowerThanItsPublishedScorecard(@TempDir Path work) throws Exception {
        JsonNode published =
                new ObjectMapper().readTree(Path.of("docs/eval/offline.json").toFile());
        List<EvalRun.Result> results = new EvalRun(
                        WORLD,
                        ALL,
                        TEST_CLASS_PATH,
                        new EvalRun.Pace(Duration.ofSeconds(15), Duration.ofMillis(400), 6))
                .run(EvalRun.Target.OFFLINE, 1, work);
        Scorecard card =
                new Scorecard("offline agent", 1, WORLD.today().toString(), results, new Scorecard.Prices(0, 0, 0));
        card.writeTo(Path.of("target/eval"), "offline-ci");

        assertThat(card.pass1())
                .as("overall pass^1")
                .isGreaterThanOrEqualTo(published.path("pass1").asDouble());
        for (Map.Entry<String, JsonNode> category : iterable(published.path("perCategory"))) {
            assertThat(card.json()
                            .path("perCategory")
                            .path(category.getKey())
                            .path("pass1")
                            .asDouble())
                    .as("pass^1 of " + category.getKey() + " (target/eval/offline-ci.md)")
                    .isGreaterThanOrEqualTo(category.getValue().path("pass1").asDouble());
        }
    }

    private static List<String> hits(List<EvalRun.Result> results, String scenario, ScriptedModel.Mode mode) {
        return results.stream()
                .filter(r ->
                        r.verdict().scenario().equals(scenario) && r.verdict().run() == RUNS.indexOf(mode) + 1)
                .flatMap(r -> r.verdict().hits().stream())
                .map(Judge.Hit::minefield)
                .toList();
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new java.util.ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
