package org.holidaydesk.assistant.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestAgent;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.WebhookClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * End-to-end latency of the pipeline, from a callback posted to the webhook to the reply reaching the
 * Cloud API, with an agent that answers at once (so only the pipeline is measured) and WireMock as the
 * Cloud API; then the throughput of handled messages of one replica. Runs the real service on its
 * embedded H2 file database. Not a test: {@code bench/pipeline.sh}.
 */
public final class PipelineBenchmark {

    private static final int WARMUP = 300;
    private static final int LATENCY_MESSAGES = 1000;
    private static final int LATENCY_RATE_PER_SECOND = 50;
    private static final int THROUGHPUT_MESSAGES = 3000;
    private static final int THROUGHPUT_CONCURRENCY = 16;
    private static final int SEND_RATE = Integer.getInteger("bench.sendRate", 1000);

    /**
     * Answers every turn at once: the benchmark measures the pipeline, not a model. Not annotated, so
     * that component scanning (in the tests too) never finds it; the benchmark names it as a source.
     */
    static class InstantAgent {
        @Bean
        @Primary
        GuestAgent instantAgent() {
            return turn -> {
                if (agentMillis > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(agentMillis));
                }
                return AgentReply.of(
                        "en", "Thanks, we got your " + turn.messages().size() + " message(s).");
            };
        }
    }

    /** How long the stand-in agent takes to answer, as a model would; 0 answers at once. */
    private static volatile long agentMillis;

    private static final long THINKING_AGENT_MILLIS = 300;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("pipeline-bench");
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        try (CloudApiServer cloudApi = new CloudApiServer()) {
            cloudApi.server().addMockServiceRequestListener((request, response) -> {
                String body = request.getBodyAsString();
                if (body.contains("\"type\":\"text\"")) {
                    int at = body.indexOf("\"to\":\"") + 6;
                    answered.putIfAbsent(body.substring(at, body.indexOf('"', at)), System.nanoTime());
                }
            });
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(
                            AssistantApplication.class, InstantAgent.class)
                    .run(
                            "--WEBHOOK_PORT=0",
                            "--MANAGEMENT_PORT=0",
                            "--WHATSAPP_APP_SECRET=" + Fixtures.APP_SECRET,
                            "--WHATSAPP_ACCESS_TOKEN=bench-token",
                            "--WHATSAPP_API_BASE_URL=" + cloudApi.baseUrl(),
                            "--DATABASE_URL=jdbc:h2:file:" + data.resolve("assistant") + ";WRITE_DELAY=0",
                            // Meta's default is 80 messages/s per number; lifted so that the pipeline, not the cap, is
                            // measured
                            "--assistant.reply.send-rate=" + SEND_RATE,
                            "--logging.level.root=WARN")) {
                WebhookClient meta = new WebhookClient(
                        service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

                paced(meta, "warm", WARMUP, LATENCY_RATE_PER_SECOND * 2, started);
                awaitAll(answered, "warm", WARMUP, 60);
                long[] latencies = paced(meta, "lat", LATENCY_MESSAGES, LATENCY_RATE_PER_SECOND, started);
                awaitAll(answered, "lat", LATENCY_MESSAGES, 120);
                latencies = new long[LATENCY_MESSAGES];
                for (int i = 0; i < LATENCY_MESSAGES; i++) {
                    String guest = guest("lat", i);
                    latencies[i] = answered.get(guest) - started.get(guest);
                }
                Arrays.sort(latencies);

                agentMillis = THINKING_AGENT_MILLIS;
                paced(meta, "think", LATENCY_MESSAGES, LATENCY_RATE_PER_SECOND, started);
                awaitAll(answered, "think", LATENCY_MESSAGES, 120);
                long[] overhead = new long[LATENCY_MESSAGES];
                for (int i = 0; i < LATENCY_MESSAGES; i++) {
                    String guest = guest("think", i);
                    overhead[i] = answered.get(guest)
                            - started.get(guest)
                            - TimeUnit.MILLISECONDS.toNanos(THINKING_AGENT_MILLIS);
                }
                Arrays.sort(overhead);
                agentMillis = 0;

                long begin = System.nanoTime();
                burst(meta, THROUGHPUT_MESSAGES, started);
                long posted = System.nanoTime();
                awaitAll(answered, "tput", THROUGHPUT_MESSAGES, 300);
                long done = answered.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(prefix("tput")))
                        .mapToLong(Map.Entry::getValue)
                        .max()
                        .orElseThrow();

                System.out.println();
                System.out.printf(
                        "end-to-end latency, callback posted -> reply at the Cloud API (%d messages at %d/s, "
                                + "instant agent, coalescing off):%n",
                        LATENCY_MESSAGES, LATENCY_RATE_PER_SECOND);
                System.out.printf(
                        "  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                        ms(latencies, 50), ms(latencies, 95), ms(latencies, 99), latencies[latencies.length - 1] / 1e6);
                System.out.printf(
                        "pipeline overhead beyond the agent's own time, agent answering in %d ms (%d messages at %d/s):%n",
                        THINKING_AGENT_MILLIS, LATENCY_MESSAGES, LATENCY_RATE_PER_SECOND);
                System.out.printf(
                        "  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                        ms(overhead, 50), ms(overhead, 95), ms(overhead, 99), overhead[overhead.length - 1] / 1e6);
                System.out.printf(
                        "throughput of one replica: %d messages from %d guests, %d at a time, send rate cap %d/s:%n",
                        THROUGHPUT_MESSAGES, THROUGHPUT_MESSAGES, THROUGHPUT_CONCURRENCY, SEND_RATE);
                System.out.printf(
                        "  posted in %.1f s, all answered after %.1f s = %.0f handled messages/s%n",
                        (posted - begin) / 1e9, (done - begin) / 1e9, THROUGHPUT_MESSAGES / ((done - begin) / 1e9));
                Runtime rt = Runtime.getRuntime();
                System.out.printf(
                        "  heap in use after the run: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            }
        }
    }

    private static long[] paced(WebhookClient meta, String phase, int count, int perSecond, Map<String, Long> started)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            post(meta, guest(phase, i), started);
            next += interval;
        }
        return new long[0];
    }

    private static void burst(WebhookClient meta, int count, Map<String, Long> started) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(THROUGHPUT_CONCURRENCY)) {
            for (int t = 0; t < THROUGHPUT_CONCURRENCY; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        post(meta, guest("tput", i), started);
                    }
                });
            }
        }
    }

    private static void post(WebhookClient meta, String guest, Map<String, Long> started) {
        byte[] body = new String(
                        Fixtures.textCallback("wamid." + guest, "Is Casa Pescarului free in June?"),
                        StandardCharsets.UTF_8)
                .replace("40752601815", guest)
                .getBytes(StandardCharsets.UTF_8);
        started.put(guest, System.nanoTime());
        int status = meta.postCallback(body, Fixtures.sign(body)).statusCode();
        if (status != 200) {
            throw new IllegalStateException("the webhook answered " + status);
        }
    }

    private static void awaitAll(Map<String, Long> answered, String phase, int count, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (answered.keySet().stream()
                        .filter(k -> k.startsWith(prefix(phase)))
                        .count()
                < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "not every " + phase + " message was answered within " + seconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static String prefix(String phase) {
        return switch (phase) {
            case "warm" -> "4071";
            case "lat" -> "4072";
            case "think" -> "4074";
            default -> "4073";
        };
    }

    private static String guest(String phase, int i) {
        return prefix(phase) + String.format("%07d", i);
    }

    private static double ms(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private PipelineBenchmark() {}
}
