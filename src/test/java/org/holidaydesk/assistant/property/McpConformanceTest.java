package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.holidaydesk.assistant.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance} 0.1.16, pinned with its lock file in
 * {@code src/test/conformance}) against the running service's {@code /mcp}, every scenario of {@code --suite all}.
 * The suite needs Node 22 or newer; npm's {@code node} package brings that binary, so both are installed with npm
 * under {@code target/mcp-conformance} (once; {@code npm ci}, as the browser test installs Playwright's driver, and
 * the test fails with npm's log when the registry cannot be reached).
 *
 * <p>Each scenario the suite runs is either one that applies to this server, which must pass with at least one
 * successful check and no failure or warning, or one listed in {@link #NOT_APPLICABLE} with the reason: those test
 * capabilities the server does not claim (it declares {@code tools} only) or tools of the suite's own test server.
 * A scenario in neither list (a newer suite) fails the test until it is sorted into one.
 */
@ServiceTest
class McpConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PACKAGE = Path.of("src/test/conformance");
    private static final Path INSTALL = Path.of("target/mcp-conformance");
    private static final Path NODE = INSTALL.resolve("node_modules/.bin/node");
    private static final Path SUITE = INSTALL.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
    private static final Path RESULTS = INSTALL.resolve("results");
    /** {@code server-<scenario>-<ISO timestamp with dashes>}, the folder each scenario's checks.json is saved in. */
    private static final Pattern RESULT_FOLDER = Pattern.compile("server-(.+)-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z");

    /** The scenarios that apply to a stateless server with tools only: each must pass. */
    static final Set<String> APPLICABLE = Set.of("server-initialize", "ping", "tools-list", "dns-rebinding-protection");

    /** The scenarios that do not apply, and why. */
    static final Map<String, String> NOT_APPLICABLE = notApplicable();

    private static Map<String, String> notApplicable() {
        String suiteTool = "calls a tool of the suite's own test server (%s), which this server does not have";
        Map<String, String> why = new LinkedHashMap<>();
        why.put("logging-set-level", "logging: the server does not claim the logging capability");
        why.put(
                "tools-call-with-logging",
                "logging notifications from the suite's test_tool_with_logging; no logging capability");
        why.put("completion-complete", "completions: the server does not claim the completions capability");
        why.put("tools-call-simple-text", suiteTool.formatted("test_simple_text"));
        why.put("tools-call-image", suiteTool.formatted("test_image_content"));
        why.put("tools-call-audio", suiteTool.formatted("test_audio_content"));
        why.put("tools-call-embedded-resource", suiteTool.formatted("test_embedded_resource"));
        why.put("tools-call-mixed-content", suiteTool.formatted("test_multiple_content_types"));
        why.put("tools-call-error", suiteTool.formatted("test_error_handling"));
        why.put("tools-call-with-progress", suiteTool.formatted("test_tool_with_progress"));
        why.put("json-schema-2020-12", suiteTool.formatted("json_schema_2020_12_tool"));
        why.put(
                "tools-call-sampling",
                "sampling: the server never asks the client to sample (and the suite's test_sampling tool)");
        why.put(
                "tools-call-elicitation",
                "elicitation: the server never asks the client for input (and the suite's test_elicitation tool)");
        why.put("elicitation-sep1034-defaults", "elicitation (SEP-1034) through the suite's own test tool");
        why.put("elicitation-sep1330-enums", "elicitation (SEP-1330) through the suite's own test tool");
        why.put(
                "server-sse-polling",
                "SSE polling (SEP-1699) needs the suite's test_reconnection tool and a session; "
                        + "the server is stateless and answers JSON");
        why.put(
                "server-sse-multiple-streams",
                "needs a session (Mcp-Session-Id) to open streams on; the server is stateless "
                        + "and answers JSON, which the scenario only warns about");
        for (String scenario : List.of(
                "resources-list",
                "resources-read-text",
                "resources-read-binary",
                "resources-templates-read",
                "resources-subscribe",
                "resources-unsubscribe")) {
            why.put(scenario, "resources: the server does not claim the resources capability");
        }
        for (String scenario : List.of(
                "prompts-list",
                "prompts-get-simple",
                "prompts-get-with-args",
                "prompts-get-embedded-resource",
                "prompts-get-with-image")) {
            why.put(scenario, "prompts: the server does not claim the prompts capability");
        }
        return why;
    }

    @LocalServerPort
    int port;

    @Test
    void passesEveryConformanceScenarioThatAppliesToAToolsOnlyServer() throws Exception {
        installSuite();
        deleteRecursively(RESULTS);
        Path log = INSTALL.resolve("run.log");

        ProcessBuilder run = new ProcessBuilder(
                        NODE.toAbsolutePath().toString(),
                        SUITE.toAbsolutePath().toString(),
                        "server",
                        "--url",
                        "http://127.0.0.1:" + port + "/mcp",
                        "--suite",
                        "all",
                        "-o",
                        RESULTS.toAbsolutePath().toString())
                .directory(INSTALL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        run.environment().put("PATH", NODE.toAbsolutePath().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process suite = run.start();
        suite.getOutputStream().close();
        boolean ended;
        try {
            ended = suite.waitFor(3, TimeUnit.MINUTES);
        } finally {
            if (suite.isAlive()) {
                suite.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended)
                .as("the conformance suite took longer than 3 minutes:\n" + output)
                .isTrue();

        Map<String, List<JsonNode>> checks = results();
        StringBuilder report = new StringBuilder("MCP conformance 0.1.16 against /mcp:\n");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> scenario : checks.entrySet()) {
            String name = scenario.getKey();
            long passed = count(scenario.getValue(), "SUCCESS");
            long failed = count(scenario.getValue(), "FAILURE");
            long warned = count(scenario.getValue(), "WARNING");
            if (APPLICABLE.contains(name)) {
                boolean ok = passed > 0 && failed == 0 && warned == 0;
                report.append(ok ? "  pass      " : "  FAIL      ")
                        .append(name)
                        .append(" (%d passed, %d failed, %d warnings)%n".formatted(passed, failed, warned));
                if (!ok) {
                    failures.add(name + ": " + problems(scenario.getValue()));
                }
            } else if (NOT_APPLICABLE.containsKey(name)) {
                report.append("  excluded  ")
                        .append(name)
                        .append(": ")
                        .append(NOT_APPLICABLE.get(name))
                        .append('\n');
            } else {
                report.append("  UNSORTED  ").append(name).append('\n');
                failures.add(name + ": a scenario this test does not know; decide whether it applies");
            }
        }
        System.out.println(report);

        assertThat(checks.keySet())
                .as("scenarios run; the suite's output:\n" + output)
                .containsAll(APPLICABLE);
        assertThat(failures).as(report + "\nthe suite's output:\n" + output).isEmpty();
    }

    /** Each scenario's checks, by scenario name, from the folders the suite saved them in. */
    private static Map<String, List<JsonNode>> results() throws IOException {
        Map<String, List<JsonNode>> checks = new TreeMap<>();
        if (!Files.isDirectory(RESULTS)) {
            return checks;
        }
        try (Stream<Path> folders = Files.list(RESULTS)) {
            for (Path folder : folders.sorted().toList()) {
                Matcher name = RESULT_FOLDER.matcher(folder.getFileName().toString());
                Path file = folder.resolve("checks.json");
                if (name.matches() && Files.exists(file)) {
                    List<JsonNode> list = new ArrayList<>();
                    JSON.readTree(file.toFile()).forEach(list::add);
                    checks.put(name.group(1), list);
                }
            }
        }
        return checks;
    }

    private static long count(List<JsonNode> checks, String status) {
        return checks.stream()
                .filter(check -> status.equals(check.path("status").asText()))
                .count();
    }

    private static String problems(List<JsonNode> checks) {
        return checks.stream()
                .filter(check ->
                        !Set.of("SUCCESS", "INFO").contains(check.path("status").asText()))
                .map(check ->
                        check.path("id").asText() + " " + check.path("status").asText() + " "
                                + check.path("errorMessage")
                                        .asText(check.path("details").toString()))
                .toList()
                .toString();
    }

    /** {@code npm ci} of the pinned suite and Node 22 into target/, when they are not installed there yet. */
    private static void installSuite() throws IOException, InterruptedException {
        Files.createDirectories(INSTALL);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json")) {
            Path source = PACKAGE.resolve(file);
            Path target = INSTALL.resolve(file);
            if (!Files.exists(target) || Files.mismatch(source, target) != -1) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (!changed && Files.exists(NODE) && Files.exists(SUITE)) {
            return;
        }
        Path log = Path.of("target/mcp-conformance-npm.log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(INSTALL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        npm.getOutputStream().close();
        boolean ended = npm.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            npm.destroyForcibly();
        }
        assertThat(ended && npm.exitValue() == 0)
                .as("npm ci in " + INSTALL + ": " + Files.readString(log))
                .isTrue();
        assertThat(NODE).as("npm's node package installed its binary").exists();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
