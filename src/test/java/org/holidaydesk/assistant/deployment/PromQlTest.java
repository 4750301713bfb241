package org.holidaydesk.assistant.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsBehindFunctionsGroupingsAndOffsets() {
        assertThat(
                        PromQl.metrics(
                                "max by (namespace) (whatsapp_dead_letters) > max by (namespace) (whatsapp_dead_letters offset 30m)"))
                .containsExactly("whatsapp_dead_letters");
        assertThat(
                        PromQl.metrics(
                                "histogram_quantile(0.95, sum by (le) (rate(agent_reply_seconds_bucket{namespace=\"$namespace\"}[$__rate_interval])))"))
                .containsExactly("agent_reply_seconds_bucket");
        assertThat(PromQl.metrics(
                        "sum(rate(a_total[10m])) / sum by (namespace) (rate(b_count[10m])) > 0.2 and on (namespace) c"))
                .containsExactly("a_total", "b_count", "c");
    }

    @Test
    void readsTheLabelMatchersOfEachMetric() {
        assertThat(
                        PromQl.selectors(
                                "sum by (code) (increase(whatsapp_send_failures_total{namespace=\"x\",code=~\"13.*\"}[15m])) > 5"))
                .containsExactly(Map.entry("whatsapp_send_failures_total", Map.of("namespace", "x", "code", "13.*")));
    }
}
