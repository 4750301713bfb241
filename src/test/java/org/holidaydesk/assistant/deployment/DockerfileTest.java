package org.holidaydesk.assistant.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The image as the Dockerfile builds it (no Docker engine here, so the file itself is read): the jar in
 * Spring Boot's layers, an AOT cache the entrypoint can use, a non-root user, the two ports and nothing
 * else, the heap sized from the container, and a standard output that carries only log lines.
 */
class DockerfileTest {

    private static final List<String> INSTRUCTIONS = instructions();

    @Test
    void runsTheLayeredJarAsANonRootUser() {
        List<String> runtime = finalStage();
        assertThat(runtime.get(0)).matches("FROM eclipse-temurin:\\d+-jre");
        assertThat(INSTRUCTIONS)
                .anyMatch(i -> i.startsWith("RUN ") && i.contains("-Djarmode=tools") && i.contains("extract --layers"));
        assertThat(runtime)
                .filteredOn(i -> i.startsWith("COPY --from=build /extracted/"))
                .extracting(i -> i.split("\\s+")[2])
                .containsExactly(
                        "/extracted/dependencies/",
                        "/extracted/spring-boot-loader/",
                        "/extracted/snapshot-dependencies/",
                        "/extracted/application/");
        assertThat(runtime)
                .filteredOn(i -> i.startsWith("USER "))
                .singleElement()
                .asString()
                .matches("USER (\\d+)(:\\d+)?")
                .doesNotStartWith("USER 0");
        int user = Integer.parseInt(runtime.stream()
                .filter(i -> i.startsWith("USER "))
                .findFirst()
                .orElseThrow()
                .replaceAll("USER (\\d+).*", "$1"));
        assertThat(user).isGreaterThan(0);
        assertThat(runtime)
                .as("the JVM announces those on its output, a line that is not JSON")
                .noneMatch(i -> i.contains("JAVA_TOOL_OPTIONS") || i.contains("JDK_JAVA_OPTIONS"));
    }

    @Test
    void exposesTheTwoPortsAndNothingElse() throws IOException {
        Set<String> exposed = finalStage().stream()
                .filter(i -> i.startsWith("EXPOSE "))
                .flatMap(i -> List.of(i.substring("EXPOSE ".length()).trim().split("\\s+")).stream())
                .collect(Collectors.toSet());
        String config = Files.readString(RenderedManifests.K8S.resolve("base").resolve("config.env"));

        assertThat(exposed).containsExactlyInAnyOrder("3001", "9090");
        assertThat(config).contains("WEBHOOK_PORT=3001", "MANAGEMENT_PORT=9090");
    }

    @Test
    void startsFromTheAotCacheItsTrainingRunWrote() throws IOException {
        String training = INSTRUCTIONS.stream()
                .filter(i -> i.startsWith("RUN ") && i.contains("-XX:AOTCacheOutput="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no training run"));
        List<String> entrypoint = entrypoint();

        assertThat(training)
                .as("trained on signed callbacks through the whole pipeline, not only the context's refresh")
                .contains("-Dassistant.aot-training.callbacks=", "WHATSAPP_APP_SECRET=")
                .doesNotContain("spring.context.exit");
        assertThat(option(entrypoint, "-XX:AOTCache=")).isEqualTo(value(training, "-XX:AOTCacheOutput="));
        assertThat(jar(entrypoint))
                .as("the cache holds for the jar path it was trained with")
                .isEqualTo(value(training, "-jar "));
        assertThat(option(entrypoint, "@"))
                .as("and for the same JVM options, the garbage collector among them")
                .isEqualTo(value(training, "@"));
        assertThat(entrypoint).contains("-Xlog:disable", "-Xlog:all=error:stderr");
    }

    @Test
    void theImageRunsWithTheJvmOptionsOfTheRepository() throws IOException {
        String copy = finalStage().stream()
                .filter(i -> i.startsWith("COPY jvm.options"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("jvm.options is not copied into the image"));
        List<String> options = Files.readAllLines(Path.of("jvm.options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();

        assertThat(option(entrypoint(), "@")).isEqualTo("/application/jvm.options");
        assertThat(copy).endsWith("./");
        assertThat(options)
                .as("a heap sized for the work, not the host")
                .anyMatch(o -> o.startsWith("-Xmx"))
                .contains("-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError")
                .noneMatch(o -> o.startsWith("-XX:MaxRAMPercentage"));
        assertThat(finalStage()).contains("ENV MALLOC_ARENA_MAX=2");
    }

    @Test
    void thePropertyMcpServerRunsTheImagesJarWithItsJvmOptions() throws Exception {
        List<String> entrypoint = entrypoint();
        Deployment mcp = RenderedManifests.render("prod").named(Deployment.class, "property-mcp-server");
        Container container =
                mcp.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> command = container.getCommand();

        assertThat(command.get(command.indexOf("-cp") + 1)).isEqualTo(jar(entrypoint));
        assertThat(Class.forName(command.get(command.size() - 1))).isNotNull();
        assertThat(command).contains("@" + option(entrypoint, "@"), "-Xlog:disable", "-Xlog:all=error:stderr");
    }

    private static List<String> entrypoint() {
        String line = finalStage().stream()
                .filter(i -> i.startsWith("ENTRYPOINT "))
                .findFirst()
                .orElseThrow();
        try {
            return List.of(new ObjectMapper().readValue(line.substring("ENTRYPOINT ".length()), String[].class));
        } catch (IOException e) {
            throw new AssertionError("ENTRYPOINT is not in exec (JSON) form: " + line, e);
        }
    }

    private static String jar(List<String> entrypoint) {
        return entrypoint.get(entrypoint.indexOf("-jar") + 1);
    }

    private static String option(List<String> arguments, String prefix) {
        return arguments.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + arguments));
    }

    private static String value(String instruction, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "(\\S+)").matcher(instruction);
        assertThat(matcher.find()).as("%s in %s", prefix, instruction).isTrue();
        return matcher.group(1);
    }

    private static String value(String instruction, String prefixRegex, String suffix) {
        Matcher matcher = Pattern.compile("(" + prefixRegex + "\\w*" + Pattern.quote(suffix) + ")")
                .matcher(instruction);
        assertThat(matcher.find())
                .as("%s…%s in %s", prefixRegex, suffix, instruction)
                .isTrue();
        return matcher.group(1);
    }

    private static List<String> finalStage() {
        int from = 0;
        for (int i = 0; i < INSTRUCTIONS.size(); i++) {
            if (INSTRUCTIONS.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return INSTRUCTIONS.subList(from, INSTRUCTIONS.size());
    }

    /** The Dockerfile's instructions, continuation lines joined, comments left out. */
    private static List<String> instructions() {
        try {
            List<String> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                boolean continues = trimmed.endsWith("\\");
                current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                        .append(' ');
                if (!continues) {
                    instructions.add(current.toString().strip().replaceAll("\\s+", " "));
                    current.setLength(0);
                }
            }
            return instructions;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
