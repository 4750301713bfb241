package org.holidaydesk.assistant.eval;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/eval.sh}: evaluates the packaged service on the evaluation's world and prints its scorecard.
 * Without {@code OPENAI_API_KEY} it evaluates the offline agent (k = 1); with it, the OpenAI-compatible model at
 * {@code OPENAI_BASE_URL} named {@code OPENAI_MODEL} (k = 4). Options: {@code --k N}, {@code --out folder}
 * (default {@code target/eval}), {@code --name file name} (default {@code scorecard}), {@code --parallel N}
 * conversations at a time, {@code --scenarios folder}, {@code --jar path}. Prices for the cost estimate:
 * {@code EVAL_PRICE_INPUT} and {@code EVAL_PRICE_OUTPUT} (USD per million tokens, default gpt-4.1-mini's 0.40 and
 * 1.60), {@code EVAL_PRICE_MESSAGE} (USD per billable WhatsApp message in the business's market, default 0).
 */
public final class EvalMain {

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        boolean model =
                env.get("OPENAI_API_KEY") != null && !env.get("OPENAI_API_KEY").isBlank();
        int k = model ? 4 : 1;
        Path out = Path.of("target/eval");
        String name = "scorecard";
        int parallel = model ? 4 : 6;
        Path root = Path.of("eval");
        Path scenarioFolder = root.resolve("scenarios");
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--name" -> name = args[++i];
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarioFolder = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (jar == null) {
            try (var files = Files.list(Path.of("target"))) {
                jar = files.filter(f -> f.getFileName().toString().matches("whatsapp-assistant-.*\\.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no packaged jar in target/: run ./mvnw -DskipTests package"));
            }
        }
        World world = World.load(root.resolve("world.yaml"));
        List<Scenario> scenarios = Scenario.loadAll(scenarioFolder);
        EvalRun.Target target = model
                ? new EvalRun.Target(
                        env.getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                        env.getOrDefault("OPENAI_MODEL", "gpt-4.1-mini"),
                        env.get("OPENAI_API_KEY"))
                : EvalRun.Target.OFFLINE;
        EvalRun.Pace pace =
                new EvalRun.Pace(Duration.ofSeconds(model ? 60 : 15), Duration.ofMillis(model ? 1500 : 400), parallel);
        System.out.printf(
                "evaluating the %s: %d scenarios × k = %d, world anchored on %s (%s)%n",
                target.label(), scenarios.size(), k, world.today(), world.zone());
        Path work = Files.createTempDirectory("eval");
        long started = System.nanoTime();
        List<EvalRun.Result> results = new EvalRun(world, scenarios, jarLauncher(jar), pace).run(target, k, work);
        Scorecard card = new Scorecard(
                target.label(),
                k,
                world.today().toString(),
                results,
                new Scorecard.Prices(
                        price(env, "EVAL_PRICE_INPUT", 0.40),
                        price(env, "EVAL_PRICE_OUTPUT", 1.60),
                        price(env, "EVAL_PRICE_MESSAGE", 0)));
        card.writeTo(out, name);
        String md = card.markdown(name);
        System.out.println(md.substring(0, md.indexOf("## Per scenario")));
        System.out.printf(
                "%d conversations in %.0f s; scorecard in %s/%s.{md,json,svg}%n",
                results.size(), (System.nanoTime() - started) / 1e9, out, name);
    }

    private static double price(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }

    /** The packaged jar, started as {@code java -jar} with the JVM running this program, in the work folder. */
    static EvalRun.Launcher jarLauncher(Path jar) {
        return (environment, workFolder) -> {
            int port = freePort();
            int management = freePort();
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx512m",
                    "-jar",
                    jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workFolder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workFolder.resolve("service.log").toFile());
            builder.environment()
                    .keySet()
                    .removeIf(key -> key.startsWith("OPENAI_")
                            || key.startsWith("MEM0_")
                            || key.startsWith("WHATSAPP_")
                            || key.equals("DATABASE_URL"));
            builder.environment().putAll(environment);
            builder.environment().put("WEBHOOK_PORT", String.valueOf(port));
            builder.environment().put("MANAGEMENT_PORT", String.valueOf(management));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "the service exited; see " + workFolder.resolve("service.log"));
                        }
                        return http.send(
                                                HttpRequest.newBuilder(
                                                                URI.create("http://127.0.0.1:" + port + "/health"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    });
            return new EvalRun.Service() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public void close() {
                    process.destroy();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
                }
            };
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
