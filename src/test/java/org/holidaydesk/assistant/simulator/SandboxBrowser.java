package org.holidaydesk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Playwright scripts of {@code src/test/browser} against the sandbox page of a running service,
 * in Debian's Chromium with a fresh profile: installs Playwright's driver once ({@code npm ci}, no browser
 * download), waits for the script at most 3 minutes and fails with its output unless it passed every step.
 */
final class SandboxBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPTS = Path.of("src/test/browser");

    private SandboxBrowser() {}

    /**
     * Runs {@code script} on {@code http://localhost:port} with the extra environment {@code env}; its output goes
     * to {@code target/<name>.log} and is returned once it printed {@code sandbox page: all steps passed}.
     */
    static String run(String script, String name, int port, Map<String, String> env)
            throws IOException, InterruptedException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser test needs Debian's Chromium: apt-get install -y chromium (.ci/run installs it)")
                .isTrue();
        installPlaywright();
        Path profile = Files.createTempDirectory("sandbox-chromium-");
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", script)
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SANDBOX_URL", "http://localhost:" + port);
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        builder.environment().put("PROFILE_DIR", profile.toString());
        Process node = builder.start();
        node.getOutputStream().close();
        boolean ended;
        try {
            ended = node.waitFor(3, TimeUnit.MINUTES);
        } finally {
            if (node.isAlive()) {
                node.destroyForcibly();
            }
            deleteQuietly(profile);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended)
                .as("the browser script took longer than 3 minutes:\n" + output)
                .isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("sandbox page: all steps passed");
        return output;
    }

    /**
     * Whether the sample catalog's bookings of Casa Pescarului (2–5, 12–18 and 30–34 days from {@code today}) leave
     * three nights from {@code day} free.
     */
    static boolean freeForThreeNights(LocalDate today, LocalDate day) {
        for (int n = 0; n < 3; n++) {
            long offset = day.plusDays(n).toEpochDay() - today.toEpochDay();
            if ((offset >= 2 && offset <= 5) || (offset >= 12 && offset <= 18) || (offset >= 30 && offset <= 34)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code npm ci} of Playwright's driver (no browser download) when it is not installed yet; under a file lock,
     * as the browser tests may start at once in the two test JVMs.
     */
    private static void installPlaywright() throws IOException, InterruptedException {
        Files.createDirectories(Path.of("target"));
        try (FileChannel lock = FileChannel.open(
                        Path.of("target/sandbox-npm.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            if (!Files.exists(SCRIPTS.resolve("node_modules/playwright-core/package.json"))) {
                npmCi();
            }
        }
    }

    private static void npmCi() throws IOException, InterruptedException {
        Path log = Path.of("target/sandbox-npm.log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = npm.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            npm.destroyForcibly();
        }
        assertThat(ended && npm.exitValue() == 0)
                .as("npm ci in " + SCRIPTS + ": " + Files.readString(log))
                .isTrue();
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it up
        }
    }
}
