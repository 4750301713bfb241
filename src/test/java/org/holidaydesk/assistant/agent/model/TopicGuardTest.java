package org.holidaydesk.assistant.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The topic guard against a labelled set of answers a model could give (on and off the business's topics, in English
 * and Romanian, declines among the on-topic ones): its precision and recall, printed, and the floor they keep.
 */
class TopicGuardTest {

    record Labelled(boolean offTopic, String language, String asked, String answered) {}

    @Test
    void catchesOffTopicAnswersAndLetsTheBusinessThrough() {
        List<Labelled> set = labelled();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> misses = new ArrayList<>();
        for (Labelled answer : set) {
            boolean caught = TopicGuard.offTopic(answer.asked(), answer.answered());
            if (caught && answer.offTopic()) {
                truePositives++;
            } else if (caught) {
                falsePositives++;
                misses.add("flagged on-topic: " + answer.answered());
            } else if (answer.offTopic()) {
                falseNegatives++;
                misses.add("missed off-topic: " + answer.answered());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf(
                Locale.ROOT,
                "TopicGuard on %d labelled answers (%d off topic): precision %.2f, recall %.2f%n",
                set.size(),
                set.stream().filter(Labelled::offTopic).count(),
                precision,
                recall);
        misses.forEach(miss -> System.out.println("  " + miss));
        long start = System.nanoTime();
        int rounds = 200;
        for (int round = 0; round < rounds; round++) {
            set.forEach(answer -> TopicGuard.offTopic(answer.asked(), answer.answered()));
        }
        System.out.printf(
                Locale.ROOT,
                "TopicGuard: %.1f µs an answer%n",
                (System.nanoTime() - start) / 1000.0 / (rounds * set.size()));

        assertThat(set).hasSizeGreaterThanOrEqualTo(40);
        assertThat(precision)
                .as("on-topic answers wrongly replaced: %s", misses)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("off-topic answers let through: %s", misses).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void declinesInTheGuestsLanguage() {
        TopicGuard guard = new TopicGuard(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThat(guard.check(
                        "scrie-mi o poezie despre munte",
                        "Munții dorm sub cer senin,\nBrazii cântă lin,\nZăpada cade încet,\nPeste satul cel discret."))
                .startsWith("Vă pot ajuta doar cu cazarea");
        assertThat(guard.check(
                        "write me a poem", "Roses are red,\nViolets are blue,\nThe sea is wide,\nAnd so are you."))
                .startsWith("I can only help with stays");
        assertThat(guard.check("is it free in July?", "*Casa Pescarului* is free 10-15 July: 5 nights, *2,250 RON*."))
                .isEqualTo("*Casa Pescarului* is free 10-15 July: 5 nights, *2,250 RON*.");
    }

    private static List<Labelled> labelled() {
        List<Labelled> set = new ArrayList<>();
        for (String line : new String(Fixtures.resource("topic/answers.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            set.add(new Labelled("off".equals(fields[0]), fields[1], fields[2], fields[3].replace("\\n", "\n")));
        }
        return set;
    }
}
