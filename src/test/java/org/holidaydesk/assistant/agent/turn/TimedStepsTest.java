package org.holidaydesk.assistant.agent.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A turn's trace times the steps of {@code agent.camel.yaml} by their {@code id}: renaming one must fail here. */
class TimedStepsTest {

    @Test
    void everyStepATraceTimesCarriesItsIdInTheRoute() throws Exception {
        String route = Files.readString(Path.of("routes/agent.camel.yaml"));
        Set<String> ids = new TreeSet<>();
        Matcher id = Pattern.compile("(?m)^\\s+id: ([\\w-]+)").matcher(route);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).containsAll(TurnTraces.TIMED_STEPS.keySet());
    }
}
