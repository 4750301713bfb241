package org.holidaydesk.assistant.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.config.H2TestUrls;

/**
 * The service in a JVM of its own, started from the test's class path, so that a test can stop it the way
 * Kubernetes does ({@code SIGTERM}, then the shutdown hooks run) or kill it the way the kernel does
 * ({@code kill -9}): no shutdown hook, no flush, no goodbye.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;

    private static final Path JVM_OPTIONS = Path.of("jvm.options");

    private ServiceProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the service with the tests' class path (which reads no {@code .env}), its output in {@code log}. */
    public static ServiceProcess start(Map<String, String> environment, Path log) {
        return start(environment, log, null, null);
    }

    /** Starts the service with the tests' class path, standard output in {@code log}, standard error in {@code errors}. */
    public static ServiceProcess start(Map<String, String> environment, Path log, Path errors) {
        return start(environment, log, errors, null);
    }

    /**
     * Starts the service as it runs from the packaged jar: from {@code workingDirectory}, with the main class
     * path only (no test resources, so {@code .env} is read as in production), standard output in {@code log}
     * and standard error in {@code errors} (into {@code log} when null).
     */
    public static ServiceProcess startFrom(
            Path workingDirectory, Map<String, String> environment, Path log, Path errors) {
        return start(environment, log, errors, workingDirectory);
    }

    private static ServiceProcess start(Map<String, String> environment, Path log, Path errors, Path workingDirectory) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        // blank entries would put the working directory (and its routes/ folder) on the class path twice
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry ->
                        workingDirectory == null || !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        // the JVM options every start of the service uses (the image, spring-boot:run, java -jar)
        List<String> command = new ArrayList<>(List.of(
                java, "@" + JVM_OPTIONS.toAbsolutePath(), "-cp", classPath, AssistantApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile());
        if (errors == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errors.toFile());
        }
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        builder.environment().put("WEBHOOK_PORT", String.valueOf(port));
        int managementPort = freePort();
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port, managementPort);
            WebhookClient client = service.client();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!service.process.isAlive()) {
                            throw new IllegalStateException("the service exited; see " + log);
                        }
                        return client.get("/health").statusCode() == 200;
                    });
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebhookClient client() {
        return new WebhookClient(port);
    }

    /** SIGTERM, as Kubernetes stops a pod: the shutdown hooks run. Returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits until the process has exited, at most {@code timeout}; returns its exit code. */
    public int awaitExit(Duration timeout) {
        await().atMost(timeout).until(() -> !process.isAlive());
        return process.exitValue();
    }

    public int managementPort() {
        return managementPort;
    }

    /** SIGKILL, then wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String h2FileUrl(Path directory) {
        // the test opens the same file itself, so the URL carries what the service would add to it
        return H2TestUrls.completed("jdbc:h2:file:" + directory.toAbsolutePath() + File.separator + "assistant"
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }
}
