package org.holidaydesk.assistant.deployment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.CloudApiStub;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ModelServiceTest;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.holidaydesk.assistant.support.StandIns;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Prometheus scrapes after a run of Meta's fixtures through the whole service (the language model, a
 * model failure, a reply Meta refuses for good, delivery statuses, refused callbacks): every metric the
 * contract and the README name, non-zero wherever the run produced it. Every alert of the PrometheusRule
 * and every panel of the dashboard reads metrics, and labels, this scrape has.
 */
@ModelServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorMetricsTest {

    private static final String GUEST = "40752601815";
    private static final String FALLBACK_GUEST = "40722000111";
    private static final String REFUSED_GUEST = "40733000222";
    private static final OpenAiStub MODEL = StandIns.Model.model();
    private static final CloudApiServer CLOUD_API = StandIns.Model.cloudApi();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void stubs() {
        MODEL.answerEverythingElse("Casa Pescarului is free then.");
        MODEL.fail("MODELDOWN", 500);
        CLOUD_API
                .server()
                .stubFor(post(urlPathMatching("/v\\d+\\.\\d+/[^/]+/messages"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", equalTo(REFUSED_GUEST)))
                        .willReturn(aResponse()
                                .withStatus(CloudApiStub.httpStatusOf(131047))
                                .withHeader("Content-Type", "application/json")
                                .withBody(CloudApiStub.graphResponse("error-131047.json"))));
    }

    @Test
    @Order(1)
    void exportsEveryMetricOfTheContractNonZeroWhereTheRunProducedIt() {
        // the service is shared with the other tests of its family: what this run produced is what grew during it
        PrometheusScrape before = scrape();
        WebhookClient meta = new WebhookClient(port);
        for (String name : List.of(
                "text_en",
                "audio_voice",
                "statuses_only",
                "status_failed_131047",
                "redelivery_text_en",
                "wrong_signature",
                "not_json",
                "oversize")) {
            Fixtures.Case fixture = Fixtures.named(name);
            assertThat(meta.postCallback(fixture.body(), fixture.signature()).statusCode())
                    .as(name)
                    .isIn(fixture.expectedStatuses());
        }
        postSigned(meta, callbackFrom(FALLBACK_GUEST, "wamid.metrics-fallback", "MODELDOWN is Vila Franceza free?"));
        postSigned(meta, callbackFrom(REFUSED_GUEST, "wamid.metrics-refused", "Is Vila Franceza free next week?"));

        List<Expected> expected = List.of(
                nonZero("whatsapp_webhook_requests_total", "outcome", "accepted"),
                nonZero("whatsapp_webhook_requests_total", "outcome", "bad_signature"),
                nonZero("whatsapp_webhook_requests_total", "outcome", "malformed"),
                nonZero("whatsapp_webhook_requests_total", "outcome", "too_large"),
                present("whatsapp_webhook_requests_total", "outcome", "unavailable"),
                nonZero("whatsapp_messages_received_total", "type", "text"),
                nonZero("whatsapp_messages_received_total", "type", "audio"),
                nonZero("whatsapp_duplicates_total"),
                nonZero("whatsapp_replies_sent_total"),
                nonZero("whatsapp_read_receipts_sent_total"),
                nonZero("whatsapp_send_failures_total", "code", "131047"),
                nonZero("whatsapp_statuses_total", "status", "sent"),
                nonZero("whatsapp_statuses_total", "status", "delivered"),
                nonZero("whatsapp_statuses_total", "status", "read"),
                nonZero("whatsapp_statuses_total", "status", "failed"),
                nonZero("whatsapp_dead_letters"),
                present("whatsapp_sending_paused"),
                present("whatsapp_ingress_lag_seconds"),
                nonZero("agent_reply_seconds_count"),
                nonZero("agent_model_turn_seconds_count"),
                nonZero("agent_model_turn_tokens_sum"),
                nonZero("agent_model_tokens_total", "kind", "prompt"),
                nonZero("agent_model_tokens_total", "kind", "completion"),
                nonZero("agent_fallbacks_total", "reason", "model_error"),
                present("assistant_pipeline_failures_total", "stage", "inbox"),
                present("assistant_pipeline_failures_total", "stage", "turns"),
                present("assistant_pipeline_failures_total", "stage", "replies"),
                present("assistant_pipeline_failing", "stage", "inbox"),
                nonZero("camel_route_policy_seconds_count", "routeId", "webhook-ingress"),
                // the statuses' pricing, counted once per message and priced by the table; the funnel from the start
                nonZero("whatsapp_billable_messages_total", "category", "service", "pricing_model", "PMP"),
                nonZero("whatsapp_billable_messages_cost_total", "category", "service", "currency", "USD"),
                present("whatsapp_billable_messages_per_conversation_count"),
                present("whatsapp_billable_messages_per_booking_link_count"),
                present("assistant_booking_offers_total", "property", "casa-pescarului"),
                present("assistant_booking_links_total", "property", "casa-pescarului"),
                present("assistant_booking_link_opens_total", "property", "casa-pescarului"));

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> expected.stream().allMatch(e -> e.holdsIn(scrape(), before)));
        PrometheusScrape scrape = scrape();
        assertThat(expected)
                .allSatisfy(e ->
                        assertThat(e.holdsIn(scrape, before)).as(e.toString()).isTrue());
        assertThat(scrape.labelNames("agent_model_tokens_total")).contains("model", "kind");
    }

    @Test
    @Order(2)
    void everyAlertReadsMetricsAndLabelsTheServiceExports() {
        PrometheusScrape scrape = scrape();
        List<Map<?, ?>> alerts = KubernetesManifestsTest.alertRules(RenderedManifests.render("prod"));

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
        for (Map<?, ?> alert : alerts) {
            readsExportedSeries("alert " + alert.get("alert"), (String) alert.get("expr"), scrape, true);
        }
    }

    @Test
    @Order(3)
    void everyDashboardPanelReadsMetricsAndLabelsTheServiceExports() throws IOException {
        PrometheusScrape scrape = scrape();
        List<String> expressions = KubernetesManifestsTest.dashboardExpressions();

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(12);
        for (String expression : expressions) {
            readsExportedSeries("panel", expression, scrape, true);
        }
    }

    /** Each metric of the expression is scraped, with the labels it matches on and the values it asks for. */
    private static void readsExportedSeries(String what, String expression, PrometheusScrape scrape, boolean values) {
        Map<String, Map<String, String>> selectors = PromQl.selectors(expression);
        assertThat(selectors).as("%s reads a metric: %s", what, expression).isNotEmpty();
        selectors.forEach((metric, labels) -> {
            assertThat(scrape.names()).as("%s: %s is exported", what, metric).contains(metric);
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (label.getKey().equals("namespace")) {
                    continue; // Prometheus adds it from the scrape target
                }
                assertThat(scrape.labelNames(metric))
                        .as("%s: %s has label %s", what, metric, label.getKey())
                        .contains(label.getKey());
                if (values) {
                    assertThat(scrape.series(metric, Map.of(label.getKey(), label.getValue())))
                            .as("%s: %s{%s=\"%s\"} is exported", what, metric, label.getKey(), label.getValue())
                            .isNotEmpty();
                }
            }
        });
    }

    private PrometheusScrape scrape() {
        var response = new WebhookClient(managementPort).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    private static void postSigned(WebhookClient meta, byte[] body) {
        assertThat(meta.postCallback(body, Fixtures.sign(body)).statusCode()).isEqualTo(200);
    }

    private static byte[] callbackFrom(String phone, String wamid, String text) {
        String body = new String(Fixtures.textCallback(wamid, text), StandardCharsets.UTF_8);
        return body.replace(GUEST, phone).getBytes(StandardCharsets.UTF_8);
    }

    /** A series the scrape must hold: with a value above zero and above the one before the run, or at all. */
    private record Expected(String metric, Map<String, String> labels, boolean nonZero) {
        boolean holdsIn(PrometheusScrape scrape, PrometheusScrape before) {
            double value = scrape.value(metric, labels);
            double was = before.value(metric, labels);
            return nonZero
                    ? value > 0 && (Double.isNaN(was) || value > was)
                    : !Double.isNaN(value) || !scrape.series(metric, labels).isEmpty();
        }

        @Override
        public String toString() {
            return metric + labels + (nonZero ? " > 0, grown during the run" : " exported");
        }
    }

    private static Expected nonZero(String metric, String... labels) {
        return new Expected(metric, labels(labels), true);
    }

    private static Expected present(String metric, String... labels) {
        return new Expected(metric, labels(labels), false);
    }

    private static Map<String, String> labels(String... pairs) {
        List<String> list = new ArrayList<>(List.of(pairs));
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < list.size(); i += 2) {
            labels.put(list.get(i), list.get(i + 1));
        }
        return labels;
    }
}
