package org.holidaydesk.assistant.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What {@code kubectl apply -k k8s/overlays/dev} and {@code .../prod} would create, checked against the
 * running service and the README: probes and ports that answer, only configuration variables the README
 * documents, no secret in the repository, resources (local disk included) and a hardened security context on
 * every container, no replica count where an autoscaler sets it, the assistant's replicas preferring different
 * nodes, an Ingress for Meta's path alone, the operators' port open to the monitoring namespace alone, a grace
 * period long enough for the graceful shutdown, and alerts linking their runbooks absolutely. The alerts'
 * expressions are checked against a scrape in OperatorMetricsTest.
 */
@ServiceTest
class KubernetesManifestsTest {

    private static final Map<String, RenderedManifests> RENDERED = new HashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9+/_=-]{16,}");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    PipelineProperties pipeline;

    @Autowired
    ReplyProperties reply;

    static Stream<RenderedManifests> overlays() {
        return Stream.of("dev", "prod").map(KubernetesManifestsTest::rendered);
    }

    private static RenderedManifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, RenderedManifests::render);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesAndScrapesReachPathsTheServiceAnswersOnItsPorts(RenderedManifests k8s) {
        Map<String, String> config = k8s.configMap("whatsapp-assistant-config");
        Map<String, String> portVariables =
                Map.of("webhook", "WEBHOOK_PORT", "http", "WEBHOOK_PORT", "management", "MANAGEMENT_PORT");
        WebhookClient operators = new WebhookClient(managementPort);
        k8s.containers().forEach(container -> {
            for (ContainerPort declared : container.getPorts()) {
                assertThat(String.valueOf(declared.getContainerPort()))
                        .as(
                                "%s port %s is the configured %s",
                                container.getName(), declared.getName(), portVariables.get(declared.getName()))
                        .isEqualTo(config.get(portVariables.get(declared.getName())));
            }
            for (Probe probe : probes(container)) {
                HTTPGetAction get = probe.getHttpGet();
                assertThat(get).as("%s probes over HTTP", container.getName()).isNotNull();
                assertThat(get.getPort().getStrVal())
                        .as("%s probes the operators' port", container.getName())
                        .isEqualTo("management");
                assertThat(operators.get(get.getPath()).statusCode())
                        .as("GET %s", get.getPath())
                        .isEqualTo(200);
            }
        });
        for (GenericKubernetesResource monitor : k8s.all("ServiceMonitor")) {
            for (Object endpoint : (List<?>) spec(monitor).get("endpoints")) {
                Map<?, ?> scrape = (Map<?, ?>) endpoint;
                assertThat(scrape.get("port")).isEqualTo("management");
                assertThat(operators.get((String) scrape.get("path")).statusCode())
                        .isEqualTo(200);
            }
        }
        assertThat(new WebhookClient(port)
                        .get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")
                        .statusCode())
                .as("the Ingress's path is the webhook (403 for a wrong token, not 404)")
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void setsOnlyVariablesTheReadmeDocuments(RenderedManifests k8s) throws IOException {
        Set<String> documented = readmeConfigurationTable();
        Set<String> set = new HashSet<>();
        k8s.containers().forEach(container -> {
            container.getEnv().stream().map(EnvVar::getName).forEach(set::add);
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    set.addAll(k8s.configMap(from.getConfigMapRef().getName()).keySet());
                }
                if (from.getSecretRef() != null) {
                    assertThat(from.getSecretRef().getName()).isEqualTo("whatsapp-assistant");
                    set.addAll(exampleSecret().getStringData().keySet());
                }
            }
        });

        assertThat(set).isNotEmpty();
        assertThat(documented).as("the README's configuration table").containsAll(set);
    }

    @Test
    void keepsNoRealSecretInTheRepository() {
        Secret example = exampleSecret();
        assertThat(example.getStringData()).isNotEmpty().allSatisfy((name, value) -> {
            assertThat(value).as(name).containsPattern(PLACEHOLDER);
            assertThat(PLACEHOLDER.matcher(value).replaceAll(""))
                    .as("%s outside its placeholders", name)
                    .doesNotContainPattern(TOKEN_LIKE);
        });
        overlays().forEach(k8s -> {
            assertThat(k8s.all(Secret.class)).as("%s creates no Secret", k8s).isEmpty();
            Map<String, String> config = k8s.configMap("whatsapp-assistant-config");
            assertThat(config.keySet())
                    .as("%s: no secret among the ConfigMap's settings", k8s)
                    .doesNotContainAnyElementsOf(example.getStringData().keySet());
        });
    }

    @Test
    void givesTheAssistantAndTheMcpServerTheSameMcpTokenFromTheSecret() {
        RenderedManifests prod = rendered("prod");
        for (String name : List.of("whatsapp-assistant", "property-mcp-server")) {
            Container container = prod.named(Deployment.class, name)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            assertThat(secretKeyOf(prod, container, "MCP_AUTH_TOKEN"))
                    .as("where %s's MCP_AUTH_TOKEN comes from", name)
                    .isEqualTo("whatsapp-assistant/MCP_AUTH_TOKEN");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void sizesAndHardensEveryContainer(RenderedManifests k8s) {
        assertThat(k8s.containers()).isNotEmpty().allSatisfy(container -> {
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertThat(requests).as("%s requests", container.getName()).containsKeys("cpu", "memory");
            assertThat(limits).as("%s limits", container.getName()).containsKeys("cpu", "memory");
            assertThat(limits.get("memory"))
                    .as("%s memory: request = limit", container.getName())
                    .isEqualTo(requests.get("memory"));
            var security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts())
                    .as("%s: a writable /tmp", container.getName())
                    .anyMatch(m -> m.getMountPath().equals("/tmp"));
        });
        for (GenericKubernetesResource database : k8s.all("Cluster")) {
            Map<?, ?> resources = (Map<?, ?>) spec(database).get("resources");
            assertThat(resources.keySet().stream().map(String::valueOf).toList())
                    .as("the database's resources")
                    .contains("requests", "limits");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void boundsTheLocalDiskOfEveryContainer(RenderedManifests k8s) {
        List<Container> containers = k8s.containers().toList();
        assertThat(containers).isNotEmpty();
        for (Container container : containers) {
            Quantity request = container.getResources().getRequests().get("ephemeral-storage");
            Quantity limit = container.getResources().getLimits().get("ephemeral-storage");
            assertThat(request)
                    .as("%s requests ephemeral-storage", container.getName())
                    .isNotNull();
            assertThat(limit)
                    .as("%s limits ephemeral-storage", container.getName())
                    .isNotNull();
            assertThat(request.getNumericalAmount())
                    .as("%s ephemeral-storage: request <= limit", container.getName())
                    .isLessThanOrEqualTo(limit.getNumericalAmount());
        }
        for (Deployment deployment : k8s.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            BigDecimal limits = Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                    .map(c -> c.getResources()
                            .getLimits()
                            .get("ephemeral-storage")
                            .getNumericalAmount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal emptyDirs = pod.getVolumes().stream()
                    .map(v -> v.getEmptyDir())
                    .filter(d -> d != null && !"Memory".equals(d.getMedium()))
                    .map(d -> d.getSizeLimit().getNumericalAmount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(limits)
                    .as(
                            "%s: its containers' ephemeral-storage limits hold its emptyDirs' size limits",
                            deployment.getMetadata().getName())
                    .isGreaterThanOrEqualTo(emptyDirs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rollsOutWithoutGapsAndStopsWithinItsGracePeriod(RenderedManifests k8s) {
        Deployment assistant = k8s.named(Deployment.class, "whatsapp-assistant");
        assertThat(assistant.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString(0));
        if (k8s.all(HorizontalPodAutoscaler.class).isEmpty()) {
            assertThat(assistant.getSpec().getReplicas())
                    .as("one replica without an autoscaler")
                    .isEqualTo(1);
        }
        Duration shutdown = pipeline.agentTimeout().plus(reply.connectTimeout()).plus(reply.responseTimeout());
        assertThat(Duration.ofSeconds(
                        assistant.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()))
                .as("the running turns and their replies fit in the grace period")
                .isGreaterThan(shutdown.plusSeconds(5));
        if (k8s.overlay().equals("prod")) {
            assertThat(k8s.named(HorizontalPodAutoscaler.class, "whatsapp-assistant")
                            .getSpec()
                            .getMinReplicas())
                    .isEqualTo(2);
            assertThat(k8s.all("Cluster"))
                    .as("the prod overlay brings its PostgreSQL")
                    .hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void leavesTheReplicaCountOfAnAutoscaledDeploymentToItsAutoscaler(RenderedManifests k8s) {
        List<HorizontalPodAutoscaler> autoscalers = k8s.all(HorizontalPodAutoscaler.class);
        if (k8s.overlay().equals("prod")) {
            assertThat(autoscalers)
                    .as("prod autoscales the assistant")
                    .anyMatch(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals("whatsapp-assistant"));
        }
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getKind())
                    .as("%s scales a Deployment", hpa.getMetadata().getName())
                    .isEqualTo("Deployment");
            assertThat(k8s.named(Deployment.class, target.getName()).getSpec().getReplicas())
                    .as(
                            "replicas of %s, which %s scales (kubectl apply would reset the count it set)",
                            target.getName(), hpa.getMetadata().getName())
                    .isNull();
        }
    }

    @Test
    void prefersToRunTheAssistantsReplicasOnDifferentNodes() {
        Deployment assistant = rendered("prod").named(Deployment.class, "whatsapp-assistant");
        var pod = assistant.getSpec().getTemplate();
        var antiAffinity = pod.getSpec().getAffinity() == null
                ? null
                : pod.getSpec().getAffinity().getPodAntiAffinity();
        assertThat(antiAffinity).as("the assistant's pod anti-affinity").isNotNull();
        assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution())
                .as("required anti-affinity would leave replicas unscheduled on a small cluster")
                .isNullOrEmpty();
        assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
                .as("a preferred anti-affinity across nodes")
                .anySatisfy(preferred -> {
                    assertThat(preferred.getWeight()).isPositive();
                    assertThat(preferred.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(pod.getMetadata().getLabels())
                            .as("the assistant's own pods")
                            .containsAllEntriesOf(preferred
                                    .getPodAffinityTerm()
                                    .getLabelSelector()
                                    .getMatchLabels());
                });
        assertThat(pod.getSpec().getTopologySpreadConstraints())
                .as("beside the spread over nodes")
                .anyMatch(c -> c.getTopologyKey().equals("kubernetes.io/hostname"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void exposesOnlyMetasWebhookAndTheBookingLinksOverTls(RenderedManifests k8s) {
        assertThat(k8s.all(Ingress.class)).isNotEmpty().allSatisfy(ingress -> {
            assertThat(ingress.getSpec().getDefaultBackend()).isNull();
            Set<String> hosts = new HashSet<>();
            for (IngressRule rule : ingress.getSpec().getRules()) {
                hosts.add(rule.getHost());
                List<HTTPIngressPath> paths = rule.getHttp().getPaths();
                // Meta's webhook, and the guests' tracked booking links (GET /b/{token})
                assertThat(paths)
                        .extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("/webhooks/whatsapp", "Exact"),
                                org.assertj.core.groups.Tuple.tuple("/b/", "Prefix"));
                assertThat(paths).allSatisfy(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo("whatsapp-assistant");
                    assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo("webhook");
                });
            }
            assertThat(ingress.getSpec().getTls())
                    .flatExtracting(tls -> tls.getHosts())
                    .containsAll(hosts);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void opensTheOperatorsPortToTheMonitoringNamespaceAlone(RenderedManifests k8s) {
        List<NetworkPolicy> policies = k8s.all(NetworkPolicy.class);
        for (Deployment deployment : k8s.all(Deployment.class)) {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(policies)
                    .as("a NetworkPolicy selects %s", deployment.getMetadata().getName())
                    .anyMatch(p -> labels.entrySet()
                                    .containsAll(p.getSpec()
                                            .getPodSelector()
                                            .getMatchLabels()
                                            .entrySet())
                            && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        }
        for (NetworkPolicy policy : policies) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getPorts())
                        .as(
                                "%s: every rule names its ports",
                                policy.getMetadata().getName())
                        .isNotEmpty();
                assertThat(rule.getFrom())
                        .as(
                                "%s: every rule names its sources",
                                policy.getMetadata().getName())
                        .isNotEmpty();
                boolean management = rule.getPorts().stream()
                        .map(NetworkPolicyPort::getPort)
                        .filter(Objects::nonNull)
                        .anyMatch(p -> "management".equals(p.getStrVal())
                                || Integer.valueOf(9090).equals(p.getIntVal()));
                if (management) {
                    assertThat(rule.getPorts())
                            .as("the operators' port in a rule of its own")
                            .hasSize(1);
                    assertThat(rule.getFrom()).singleElement().satisfies(this::isTheMonitoringNamespace);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyAlertLinksItsRunbookInTheReadme(RenderedManifests k8s) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "")
                        .toLowerCase()
                        .replaceAll("[^a-z0-9 -]", "")
                        .replace(' ', '-'));
            }
        }
        Set<String> readmes = new HashSet<>();
        assertThat(alertRules(k8s)).hasSizeGreaterThanOrEqualTo(8).allSatisfy(rule -> {
            String runbook = (String) ((Map<?, ?>) rule.get("annotations")).get("runbook_url");
            assertThat(runbook).as("%s's runbook_url", rule.get("alert")).isNotNull();
            URI link = URI.create(runbook);
            assertThat(link.getScheme())
                    .as(
                            "%s's runbook_url %s is an absolute https link (Alertmanager and Grafana "
                                    + "show it as a link)",
                            rule.get("alert"), runbook)
                    .isEqualTo("https");
            assertThat(link.getHost())
                    .as("%s's runbook_url host", rule.get("alert"))
                    .isNotBlank();
            assertThat(link.getPath()).as("%s's runbook_url", rule.get("alert")).endsWith("/README.md");
            assertThat(anchors).as("README heading for %s", rule.get("alert")).contains(link.getFragment());
            readmes.add(runbook.substring(0, runbook.indexOf('#')));
        });
        assertThat(readmes)
                .as("one setting, the README's address, for every alert")
                .hasSize(1);
    }

    @Test
    void loadsTheDashboardForGrafanasSidecar() throws IOException {
        var dashboard =
                overlays().findFirst().orElseThrow().all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                        .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard")))
                        .toList();
        assertThat(dashboard).singleElement().satisfies(map -> {
            JsonNode json = readJson(map.getData().get("whatsapp-assistant.json"));
            assertThat(json.path("uid").asText()).isEqualTo("whatsapp-assistant");
            assertThat(json.path("panels")).hasSizeGreaterThanOrEqualTo(10);
        });
    }

    /** The alerting rules of the PrometheusRule, as Prometheus reads them. */
    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> alertRules(RenderedManifests k8s) {
        List<Map<?, ?>> rules = new ArrayList<>();
        for (GenericKubernetesResource rule : k8s.all("PrometheusRule")) {
            for (Object group : (List<?>) spec(rule).get("groups")) {
                rules.addAll((List<Map<?, ?>>) ((Map<?, ?>) group).get("rules"));
            }
        }
        return rules;
    }

    /** The expressions of the dashboard's panels. */
    static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard =
                readJson(Files.readString(RenderedManifests.K8S.resolve("base").resolve("dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(t -> expressions.add(t.path("expr").asText())));
        return expressions;
    }

    private static Map<?, ?> spec(GenericKubernetesResource resource) {
        return (Map<?, ?>) resource.getAdditionalProperties().get("spec");
    }

    private void isTheMonitoringNamespace(NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).isNull();
        assertThat(peer.getPodSelector()).isNull();
        assertThat(peer.getNamespaceSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(peer.getNamespaceSelector().getMatchLabels())
                .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
    }

    private static List<Probe> probes(Container container) {
        return Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                .filter(Objects::nonNull)
                .toList();
    }

    /** The Secret and key ({@code name/key}) a container's variable is read from, as the kubelet resolves it; null if none. */
    private static String secretKeyOf(RenderedManifests k8s, Container container, String variable) {
        for (EnvVar env : container.getEnv()) {
            if (env.getName().equals(variable)) {
                var ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                return ref == null ? null : ref.getName() + "/" + ref.getKey();
            }
        }
        List<EnvFromSource> sources = new ArrayList<>(container.getEnvFrom());
        Collections.reverse(sources); // the last source holding a key wins
        for (EnvFromSource from : sources) {
            if (from.getPrefix() != null && !from.getPrefix().isEmpty()) {
                continue;
            }
            if (from.getConfigMapRef() != null
                    && k8s.configMap(from.getConfigMapRef().getName()).containsKey(variable)) {
                return null;
            }
            if (from.getSecretRef() != null && exampleSecret().getStringData().containsKey(variable)) {
                return from.getSecretRef().getName() + "/" + variable;
            }
        }
        return null;
    }

    private static Secret exampleSecret() {
        List<HasMetadata> objects = RenderedManifests.file("secret.example.yaml");
        assertThat(objects).singleElement().isInstanceOf(Secret.class);
        return (Secret) objects.get(0);
    }

    /** Every variable in the first column of the README's Configuration table. */
    private static Set<String> readmeConfigurationTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        String section = readme.substring(start + 1, readme.indexOf("\n## ", start + 1));
        Set<String> names = new HashSet<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.split("\\|")[1]);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
