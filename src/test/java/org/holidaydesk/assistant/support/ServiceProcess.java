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

/**
 * The service in a JVM of its own, started from the test's class path, so that a test can kill it the
 * way the kernel does ({@code kill -9}): no shutdown hook, no flush, no goodbye.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServiceProcess start(Map<String, String> environment, Path log) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        // blank entries would put the working directory (and its routes/ folder) on the class path twice
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classPath,
                AssistantApplication.class.getName(), "--assistant.dotenv.path="));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("WEBHOOK_PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(freePort()));
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port);
            WebhookClient client = service.client();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
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
        return "jdbc:h2:file:" + directory.toAbsolutePath() + File.separator + "assistant"
                + ";WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
