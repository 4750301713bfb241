package org.holidaydesk.assistant.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.memory.TurnChatMemoryStore;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.WebhookClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the language-model agent itself costs per guest turn, beyond the model's own latency, and how
 * many prompt tokens a turn sends over a long conversation. Runs the whole service in-process on its H2
 * file database with an OpenAI-compatible stand-in model on loopback that answers every request after a
 * fixed latency: the first request of a turn gets a {@code search_availability} call (so the real
 * LangChain4j MCP client calls the embedded MCP server each turn), the request carrying the tool's
 * result gets a final answer of a few lines, a condensation request a short summary. The stand-in counts
 * each request's prompt tokens honestly (o200k_base over its messages and tools). Ten guests hold a
 * 20-turn conversation each, in parallel, one turn at a time per guest; then the same again with Mem0
 * on a stand-in. Not a test: {@code bench/agent.sh}.
 */
public final class AgentBenchmark {

    private static final long MODEL_LATENCY_MILLIS = Long.getLong("bench.modelLatencyMillis", 200);
    private static final int GUESTS = Integer.getInteger("bench.guests", 10);
    private static final int TURNS = Integer.getInteger("bench.turns", 20);
    private static final int WARMUP_GUESTS = GUESTS;
    private static final int WARMUP_TURNS = TURNS;
    private static final long TURN_PATIENCE_SECONDS = 30;
    private static final long WHOLE_RUN_MINUTES = 12;
    private static final boolean WITH_MEM0_PASS = !Boolean.getBoolean("bench.skipMem0");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    private static final Pattern MARKER = Pattern.compile("\\(ref (\\w+)-g(\\d+)-t(\\d+)\\)");
    private static final String CONDENSATION = "You keep notes for a holiday-property assistant";
    private static final String ANSWER_SIGNATURE = "Shall I send you the booking link";
    private static final String RECALLED = "Travels with a small, quiet dog and prefers a place near the water";

    // ---- what the service's agent did, timed around the agent bean's chat ----

    /** One model turn as Camel's agent component ran it: the same span {@code agent.model.turn} times. */
    record AgentCall(String phase, int guest, int turn, long startNanos, long endNanos, boolean failed) {
        long nanos() {
            return endNanos - startNanos;
        }
    }

    private static final Queue<AgentCall> AGENT_CALLS = new ConcurrentLinkedQueue<>();

    /**
     * Times each route step that calls the {@code guestModelAgent} bean, keyed by the guest's marker, so that
     * every turn has its own time (the service's timer only keeps aggregates). Not annotated: named as a source.
     */
    static class TimedAgent {
        @Bean
        static InterceptStrategy timeModelTurns() {
            return (context, definition, target, nextTarget) -> {
                if (!String.valueOf(definition.getLabel()).contains("guestModelAgent")) {
                    return target;
                }
                return new DelegateAsyncProcessor(target) {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        String words = String.valueOf(exchange.getMessage().getBody());
                        long start = System.nanoTime();
                        return super.process(exchange, doneSync -> {
                            Matcher marker = MARKER.matcher(words);
                            if (marker.find()) {
                                AGENT_CALLS.add(new AgentCall(
                                        marker.group(1),
                                        Integer.parseInt(marker.group(2)),
                                        Integer.parseInt(marker.group(3)),
                                        start,
                                        System.nanoTime(),
                                        exchange.getException() != null));
                            }
                            callback.done(doneSync);
                        });
                    }
                };
            };
        }
    }

    // ---- the stand-in model ----

    /** One chat-completions request the stand-in answered. */
    record ModelCall(
            String phase,
            int guest,
            int turn,
            boolean condensation,
            boolean finalAnswer,
            int promptTokens,
            int messages,
            boolean summarised,
            long arrivedNanos,
            long answeredNanos) {
        long handledNanos() {
            return answeredNanos - arrivedNanos;
        }
    }

    /**
     * An OpenAI-compatible chat-completions server on loopback (the JDK's HTTP server, a virtual thread per
     * request) that answers every request {@link #MODEL_LATENCY_MILLIS} after it arrived; counting the
     * request's tokens happens within that time.
     */
    static final class StandInModel implements AutoCloseable {
        private final HttpServer server;
        private final Encoding tokens = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        private final Queue<ModelCall> calls = new ConcurrentLinkedQueue<>();
        private final Map<String, Integer> lastTurn = new ConcurrentHashMap<>();
        private final AtomicInteger unreadable = new AtomicInteger();
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

        StandInModel() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(threads);
            server.createContext("/v1/chat/completions", this::handle);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        Queue<ModelCall> calls() {
            return calls;
        }

        int unreadable() {
            return unreadable.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long arrived = System.nanoTime();
            try (exchange) {
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                JsonNode messages = request.path("messages");
                int prompt = tokens.countTokensOrdinary(messages.toString()
                        + (request.has("tools") ? request.get("tools").toString() : ""));
                String system = "";
                int lastUser = -1;
                for (int i = 0; i < messages.size(); i++) {
                    String role = messages.get(i).path("role").asText();
                    if ("system".equals(role) && system.isEmpty()) {
                        system = text(messages.get(i));
                    } else if ("user".equals(role)) {
                        lastUser = i;
                    }
                }
                boolean condensation = system.startsWith(CONDENSATION);
                String userText = lastUser < 0 ? "" : text(messages.get(lastUser));
                String phase = "?";
                int guest = -1;
                int turn = -1;
                Matcher marker = MARKER.matcher(userText);
                while (marker.find()) { // a condensation's transcript holds many turns: the last one names the guest
                    phase = marker.group(1);
                    guest = Integer.parseInt(marker.group(2));
                    turn = Integer.parseInt(marker.group(3));
                }
                String key = phase + "-" + guest;
                boolean afterTool = false;
                for (int i = lastUser + 1; i < messages.size(); i++) {
                    afterTool |= "tool".equals(messages.get(i).path("role").asText());
                }
                String body;
                if (condensation) {
                    // the turn it belongs to: the guest's latest turn the model heard about
                    turn = lastTurn.getOrDefault(key, turn);
                    body = completion(summary(), "stop", prompt);
                } else if (guest < 0) {
                    unreadable.incrementAndGet();
                    body = completion("Sorry, could you say that again?", "stop", prompt);
                } else {
                    lastTurn.put(key, turn);
                    body = afterTool
                            ? completion(answer(guest, turn), "stop", prompt)
                            : searchCall(guest, turn, prompt);
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                long due = arrived + TimeUnit.MILLISECONDS.toNanos(MODEL_LATENCY_MILLIS);
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
                calls.add(new ModelCall(
                        phase,
                        guest,
                        turn,
                        condensation,
                        afterTool && !condensation,
                        prompt,
                        messages.size() - 1,
                        system.contains(TurnChatMemoryStore.SUMMARY_HEADING),
                        arrived,
                        System.nanoTime()));
            } catch (RuntimeException | IOException e) {
                unreadable.incrementAndGet();
                byte[] error = "{\"error\":{\"message\":\"stand-in could not read the request\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
            }
        }

        private String searchCall(int guest, int turn, int prompt) {
            LocalDate checkIn = checkIn(guest, turn);
            ObjectNode arguments = JSON.createObjectNode()
                    .put("checkIn", checkIn.toString())
                    .put("checkOut", checkIn.plusDays(3).toString())
                    .put("guests", 2);
            ObjectNode message = JSON.createObjectNode().put("role", "assistant");
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            calls.addObject()
                    .put("id", "call_g" + guest + "_t" + turn)
                    .put("type", "function")
                    .putObject("function")
                    .put("name", "search_availability")
                    .put("arguments", arguments.toString());
            return envelope(message, "tool_calls", prompt, 40);
        }

        private String completion(String text, String finishReason, int prompt) {
            ObjectNode message =
                    JSON.createObjectNode().put("role", "assistant").put("content", text);
            return envelope(message, finishReason, prompt, tokens.countTokensOrdinary(text));
        }

        private static String envelope(ObjectNode message, String finishReason, int prompt, int completion) {
            ObjectNode answer = JSON.createObjectNode()
                    .put("id", "chatcmpl-bench")
                    .put("object", "chat.completion")
                    .put("created", System.currentTimeMillis() / 1000)
                    .put("model", "bench-model");
            ObjectNode choice =
                    answer.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
            choice.set("message", message);
            answer.putObject("usage")
                    .put("prompt_tokens", prompt)
                    .put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            return answer.toString();
        }

        private static String text(JsonNode message) {
            JsonNode content = message.path("content");
            if (content.isArray()) {
                StringBuilder text = new StringBuilder();
                content.forEach(part -> text.append(part.path("text").asText()));
                return text.toString();
            }
            return content.asText("");
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static LocalDate checkIn(int guest, int turn) {
        return LocalDate.now(ZONE).plusDays(3 + (guest * 7L + turn * 2L) % 55);
    }

    private static String answer(int guest, int turn) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
        LocalDate in = checkIn(guest, turn);
        return "Good news: *Casa Pescarului* is free from " + in.format(day) + " to "
                + in.plusDays(3).format(day)
                + " for 2 guests, 3 nights at 120 EUR a night.\n"
                + "*Vila Franceza* is free on the same nights too, with a garden and a terrace facing the lake.\n"
                + "Check-in is from 15:00 and check-out by 11:00; parking is free at both.\n"
                + ANSWER_SIGNATURE + " for one of them?";
    }

    private static String summary() {
        return """
                Guest: a couple (2 adults) planning a short lake holiday, 3 nights.
                Asked about several arrival dates over the next two months.
                Offered Casa Pescarului and Vila Franceza, both free as of then, 120 EUR a night.
                Cares about parking and a quiet place; no booking made yet.
                Open: which property and which dates; booking link not sent yet.""";
    }

    private static final String[] GUEST_WORDS = {
        "Hello! Is anything free from %s for 3 nights? We are 2 adults.",
        "What about arriving on %s instead, still 3 nights for the two of us?",
        "Could you check %s too? Same length of stay.",
        "Is there free parking? And is %s possible for 3 nights?",
        "We might come a bit later, on %s. Anything for 2 then?",
        "Thanks! One more: arriving %s, leaving 3 days later, 2 guests.",
        "Does either place have a terrace? Please look at %s as well.",
    };

    private static String guestWords(String phase, int guest, int turn) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
        return String.format(
                        GUEST_WORDS[(guest + turn) % GUEST_WORDS.length],
                        checkIn(guest, turn).format(day)) + " (ref " + phase + "-g" + guest + "-t" + turn + ")";
    }

    // ---- the run ----

    /** A text (or interactive) message the service sent a guest, and when it reached the Cloud API stand-in. */
    record Answer(String text, long atNanos) {}

    /** A turn as the driver saw it: callback posted to answer at the Cloud API. */
    record Delivered(int guest, int turn, long endToEndNanos, String text) {}

    record Pass(
            String name,
            List<Delivered> delivered,
            List<AgentCall> agent,
            List<ModelCall> model,
            long timerCount,
            double timerMeanMillis,
            double timerP95Millis,
            List<String> warnings,
            Map<String, Integer> condenserOutcomes,
            int unexpectedSends,
            int unreadable,
            String conversations,
            long heapMiB,
            String rss,
            double seconds,
            Map<String, String> settings,
            long mem0Searches,
            long mem0Adds,
            long[] machine) {}

    public static void main(String[] args) throws Exception {
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                TimeUnit.MINUTES.sleep(WHOLE_RUN_MINUTES);
                System.err.println("agent benchmark: still running after " + WHOLE_RUN_MINUTES + " minutes; stopping");
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        int status = 0;
        try {
            // a whole pass first, not reported: the service's code is compiled by the JIT before anything is
            // measured (the first pass otherwise measured about twice the overhead of the second)
            run("jit", false);
            List<Pass> passes = new ArrayList<>();
            passes.add(run("plain", false));
            if (WITH_MEM0_PASS) {
                passes.add(run("mem0", true));
            }
            report(passes);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        watchdog.interrupt();
        System.exit(status);
    }

    private static Pass run(String phase, boolean withMem0) throws Exception {
        AGENT_CALLS.clear();
        Path data = Files.createTempDirectory("agent-bench");
        WireMockServer mem0 = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
        AtomicInteger unexpected = new AtomicInteger();
        try (StandInModel model = new StandInModel();
                CloudApiServer cloudApi = new CloudApiServer()) {
            mem0.start();
            mem0.stubFor(post(urlEqualTo("/v3/memories/search/"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"results\":[{\"id\":\"m-1\",\"memory\":\"" + RECALLED
                                    + "\",\"score\":0.91}]}")));
            mem0.stubFor(post(urlEqualTo("/v3/memories/add/"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"event_id\":\"evt-1\",\"status\":\"PENDING\"}")));
            cloudApi.server().addMockServiceRequestListener((request, response) -> {
                JsonNode body;
                try {
                    body = JSON.readTree(request.getBodyAsString());
                } catch (IOException e) {
                    return;
                }
                String type = body.path("type").asText();
                if (!"text".equals(type) && !"interactive".equals(type)) {
                    return; // read receipts and typing
                }
                String text = "text".equals(type)
                        ? body.at("/text/body").asText()
                        : body.at("/interactive/body/text").asText();
                CompletableFuture<Answer> turn = waiting.remove(body.path("to").asText());
                if (turn == null || !turn.complete(new Answer(text, System.nanoTime()))) {
                    unexpected.incrementAndGet();
                }
            });
            List<String> arguments = new ArrayList<>(List.of(
                    "--WEBHOOK_PORT=0",
                    "--MANAGEMENT_PORT=0",
                    "--assistant.dotenv.path=",
                    "--WHATSAPP_APP_SECRET=" + Fixtures.APP_SECRET,
                    "--WHATSAPP_ACCESS_TOKEN=bench-token",
                    "--WHATSAPP_API_BASE_URL=" + cloudApi.baseUrl(),
                    "--OPENAI_API_KEY=bench-openai-key",
                    "--OPENAI_BASE_URL=" + model.baseUrl(),
                    "--OPENAI_MODEL=bench-model",
                    "--DATABASE_URL=jdbc:h2:file:" + data.resolve("assistant") + ";WRITE_DELAY=0",
                    // a benchmark guest answers at once: Meta's pair pacing and the bill guard are for people
                    "--assistant.reply.pair-pacing=0ms",
                    "--assistant.model.turns-per-minute=1000",
                    "--logging.level.root=WARN"));
            if (withMem0) {
                arguments.add("--MEM0_API_KEY=bench-mem0-key");
                arguments.add("--MEM0_BASE_URL=http://127.0.0.1:" + mem0.port());
            } else {
                arguments.add("--MEM0_API_KEY=");
            }
            long begin = System.nanoTime();
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(
                            AssistantApplication.class, TimedAgent.class)
                    .run(arguments.toArray(String[]::new))) {
                List<String> warnings = new ArrayList<>();
                Map<String, Integer> condenser = new ConcurrentHashMap<>();
                watchLog(warnings, condenser);
                Environment environment = service.getEnvironment();
                WebhookClient meta =
                        new WebhookClient(environment.getRequiredProperty("local.server.port", Integer.class));

                converse(meta, "warm" + phase, WARMUP_GUESTS, WARMUP_TURNS, waiting);
                awaitQuiet(model);
                Timer timer = service.getBeansOfType(MeterRegistry.class).values().stream()
                        .map(meters -> meters.find("agent.model.turn").timer())
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no agent.model.turn timer"));
                long timerCount = timer.count();
                double timerTotal = timer.totalTime(TimeUnit.MILLISECONDS);
                int warmCalls = model.calls().size();
                synchronized (warnings) {
                    warnings.clear();
                }
                condenser.clear();
                long[] before = machine();
                List<Delivered> delivered = converse(meta, phase, GUESTS, TURNS, waiting);
                long[] after = machine();
                // the last turns' condensations run after their answers went out
                awaitQuiet(model);
                double seconds = (System.nanoTime() - begin) / 1e9;
                long count = timer.count() - timerCount;
                double mean = count == 0 ? 0 : (timer.totalTime(TimeUnit.MILLISECONDS) - timerTotal) / count;
                double p95 = timer.takeSnapshot().percentileValues().length > 1
                        ? timer.takeSnapshot().percentileValues()[1].value(TimeUnit.MILLISECONDS)
                        : Double.NaN;

                Map<String, String> settings = new LinkedHashMap<>();
                for (String key : List.of(
                        "assistant.memory.window-messages",
                        "assistant.memory.condense-after",
                        "assistant.memory.keep-after-condense",
                        "assistant.pipeline.concurrent-turns")) {
                    settings.put(key, environment.getProperty(key));
                }
                String conversations = conversations(service.getBean(JdbcTemplate.class), phase);
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                List<ModelCall> calls = model.calls().stream()
                        .skip(warmCalls)
                        .filter(c -> phase.equals(c.phase()))
                        .toList();
                List<AgentCall> agent = AGENT_CALLS.stream()
                        .filter(c -> phase.equals(c.phase()))
                        .toList();
                List<String> problems;
                synchronized (warnings) {
                    problems = List.copyOf(warnings);
                }
                return new Pass(
                        withMem0 ? "with Mem0 (stand-in on loopback, answering at once)" : "without Mem0",
                        delivered,
                        agent,
                        calls,
                        count,
                        mean,
                        p95,
                        problems,
                        Map.copyOf(condenser),
                        unexpected.get(),
                        model.unreadable(),
                        conversations,
                        heap,
                        rss(),
                        seconds,
                        settings,
                        mem0Requests(mem0, "/v3/memories/search/"),
                        mem0Requests(mem0, "/v3/memories/add/"),
                        new long[] {
                            after[0] - before[0],
                            after[1] - before[1],
                            after[2] - before[2],
                            after[3] - before[3],
                            after[4] - before[4],
                            after[5] - before[5]
                        });
            }
        } finally {
            mem0.stop();
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Each guest holds a conversation of {@code turns} turns, one turn at a time; the guests in parallel. */
    private static List<Delivered> converse(
            WebhookClient meta, String phase, int guests, int turns, Map<String, CompletableFuture<Answer>> waiting)
            throws Exception {
        Queue<Delivered> done = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(guests)) {
            List<Future<?>> conversations = new ArrayList<>();
            for (int g = 1; g <= guests; g++) {
                int guest = g;
                conversations.add(pool.submit(() -> {
                    String phone = phone(phase, guest);
                    for (int turn = 1; turn <= turns; turn++) {
                        CompletableFuture<Answer> answered = new CompletableFuture<>();
                        waiting.put(phone, answered);
                        String words = guestWords(phase, guest, turn);
                        byte[] body = new String(
                                        Fixtures.textCallback("wamid.bench-" + phase + "-" + guest + "-" + turn, words),
                                        StandardCharsets.UTF_8)
                                .replace("40752601815", phone)
                                .getBytes(StandardCharsets.UTF_8);
                        long posted = System.nanoTime();
                        int status =
                                meta.postCallback(body, Fixtures.sign(body)).statusCode();
                        if (status != 200) {
                            throw new IllegalStateException("the webhook answered " + status);
                        }
                        Answer answer = answered.get(TURN_PATIENCE_SECONDS, TimeUnit.SECONDS);
                        done.add(new Delivered(guest, turn, answer.atNanos() - posted, answer.text()));
                    }
                    return null;
                }));
            }
            for (Future<?> conversation : conversations) {
                conversation.get(TURN_PATIENCE_SECONDS * turns, TimeUnit.SECONDS);
            }
        }
        return List.copyOf(done);
    }

    /** Waits (bounded) until the stand-in model has been idle for a second: the last condensations are done. */
    private static void awaitQuiet(StandInModel model) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = model.calls().size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(1)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Wall time, this process's CPU time (ns), its garbage collections and their time (ms) so far. */
    private static long[] machine() {
        long collections = 0;
        long collecting = 0;
        for (java.lang.management.GarbageCollectorMXBean gc :
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            collecting += Math.max(0, gc.getCollectionTime());
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long busy = 0;
        long all = 0;
        try {
            String[] ticks =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < Math.min(ticks.length, 9); i++) {
                long value = Long.parseLong(ticks[i]);
                all += value;
                busy += i == 4 || i == 5 ? 0 : value; // idle, iowait
            }
        } catch (IOException | RuntimeException e) {
            all = 0;
        }
        return new long[] {System.nanoTime(), cpu, collections, collecting, busy, all};
    }

    private static long mem0Requests(WireMockServer mem0, String path) {
        return mem0.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .count();
    }

    private static String phone(String phase, int guest) {
        return (phase.startsWith("warm") ? "4077" : "4078")
                + (phase.endsWith("mem0") ? "1" : "0")
                + String.format("%06d", guest);
    }

    /** The guests' kept conversations at the end: how many have a summary, and how long they are. */
    private static String conversations(JdbcTemplate jdbc, String phase) {
        List<int[]> rows = new ArrayList<>();
        for (int g = 1; g <= GUESTS; g++) {
            jdbc.query(
                    "SELECT messages, summary, version FROM chat_memory WHERE guest_id = ?",
                    rs -> {
                        int messages;
                        try {
                            messages = JSON.readTree(rs.getString(1)).size();
                        } catch (IOException e) {
                            messages = -1;
                        }
                        rows.add(new int[] {
                            messages, rs.getString(2) == null || rs.getString(2).isBlank() ? 0 : 1, (int) rs.getLong(3)
                        });
                    },
                    phone(phase, g));
        }
        if (rows.isEmpty()) {
            return "no conversation kept";
        }
        long summarised = rows.stream().filter(r -> r[1] == 1).count();
        int[] messages = rows.stream().mapToInt(r -> r[0]).sorted().toArray();
        return String.format(
                "%d of %d guests' conversations carry a summary; messages kept word for word: min %d, median %d, max %d",
                summarised, rows.size(), messages[0], messages[messages.length / 2], messages[messages.length - 1]);
    }

    /** Collects the service's warnings and errors, and what the condenser says it did with each summary. */
    private static void watchLog(List<String> warnings, Map<String, Integer> condenser) {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        AppenderBase<ILoggingEvent> problems = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    synchronized (warnings) {
                        warnings.add(
                                event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage());
                    }
                }
            }
        };
        problems.setContext(root.getLoggerContext());
        problems.start();
        root.addAppender(problems);
        ch.qos.logback.classic.Logger condenserLog = (ch.qos.logback.classic.Logger)
                LoggerFactory.getLogger("org.holidaydesk.assistant.agent.model.MemoryCondenser");
        AppenderBase<ILoggingEvent> outcomes = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String message = event.getFormattedMessage();
                String outcome = message.contains("changed meanwhile")
                        ? "not kept (changed meanwhile)"
                        : message.contains("condensed") ? "kept" : message;
                condenser.merge(outcome, 1, Integer::sum);
            }
        };
        outcomes.setContext(root.getLoggerContext());
        outcomes.start();
        condenserLog.setLevel(Level.DEBUG);
        condenserLog.setAdditive(false);
        condenserLog.addAppender(outcomes);
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- the report ----

    private static void report(List<Pass> passes) {
        Pass first = passes.get(0);
        System.out.println();
        System.out.printf("Model agent cost per turn (bench/agent.sh), %s%n", LocalDate.now(ZONE));
        System.out.printf(
                "  whole service in-process (H2 file database, coalescing off, pair pacing off); OpenAI-compatible%n");
        System.out.printf(
                "  stand-in model on loopback answering every request after %d ms; each turn = 2 model requests%n",
                MODEL_LATENCY_MILLIS);
        System.out.printf(
                "  (search_availability call through the real LangChain4j MCP client to the embedded MCP server,%n");
        System.out.printf(
                "  then a 4-line answer); Cloud API stand-in (WireMock). %d guests x %d turns, guests in parallel,%n",
                GUESTS, TURNS);
        System.out.printf(
                "  one turn at a time per guest, next message posted as soon as the answer arrived. Not reported: a first%n");
        System.out.printf(
                "  whole pass (JIT warm-up), and in each pass a warm-up of %d x %d turns on the same service.%n",
                WARMUP_GUESTS, WARMUP_TURNS);
        System.out.printf(
                "  Memory: window %s messages, condense after %s, keep %s; %s concurrent turns.%n",
                first.settings().get("assistant.memory.window-messages"),
                first.settings().get("assistant.memory.condense-after"),
                first.settings().get("assistant.memory.keep-after-condense"),
                first.settings().get("assistant.pipeline.concurrent-turns"));
        System.out.printf(
                "  Machine: %d cores, %s, Java %s. Prompt tokens: o200k_base over each request's messages + tools JSON.%n",
                Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"));
        for (Pass pass : passes) {
            reportPass(pass);
        }
        if (passes.size() == 2) {
            Pass plain = passes.get(0);
            Pass mem0 = passes.get(1);
            long[] e2ePlain = sorted(plain.delivered().stream().mapToLong(Delivered::endToEndNanos));
            long[] e2eMem0 = sorted(mem0.delivered().stream().mapToLong(Delivered::endToEndNanos));
            long[] ovPlain = overheads(plain);
            long[] ovMem0 = overheads(mem0);
            System.out.println();
            double busyPlain = busy(plain);
            double busyMem0 = busy(mem0);
            System.out.println(
                    "Mem0's added cost (its stand-in answers at once, so this is the service's own share; its search runs");
            System.out.println(
                    "before the agent, on the answer's path, and its add after the answer, off it; a real Mem0 adds its");
            System.out.println("own search latency, at most assistant.mem0.timeout):");
            System.out.printf(
                    "  end-to-end p50 %+.1f ms, p95 %+.1f ms; agent overhead p50 %+.1f ms, p95 %+.1f ms%n",
                    ms(e2eMem0, 50) - ms(e2ePlain, 50),
                    ms(e2eMem0, 95) - ms(e2ePlain, 95),
                    ms(ovMem0, 50) - ms(ovPlain, 50),
                    ms(ovMem0, 95) - ms(ovPlain, 95));
            if (Math.abs(busyPlain - busyMem0) > 15) {
                System.out.printf(
                        "  NOT comparable: the machine was %.0f%% busy during the first pass and %.0f%% during the second;%n",
                        busyPlain, busyMem0);
                System.out.println(
                        "  the difference is other work on the machine, not Mem0 (run again on a quiet machine)");
            } else {
                System.out.printf(
                        "  (machine %.0f%% and %.0f%% busy during the two passes; a few ms either way is run-to-run noise)%n",
                        busyPlain, busyMem0);
            }
            System.out.printf(
                    "  largest prompt per turn, median over turns 1-%d: %+d tokens (the recalled memory in the system message)%n",
                    TURNS, medianLargest(mem0) - medianLargest(plain));
        }
        System.out.println();
    }

    private static void reportPass(Pass pass) {
        System.out.println();
        System.out.printf(
                "== %s: %d turns in %.0f s (service start and warm-up included) ==%n",
                pass.name(), pass.delivered().size(), pass.seconds());
        long[] overhead = overheads(pass);
        System.out.printf(
                "agent's own overhead per turn = agent.model.turn span - %d ms x the turn's model requests (%d turns):%n",
                MODEL_LATENCY_MILLIS, overhead.length);
        System.out.printf(
                "  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                ms(overhead, 50),
                ms(overhead, 95),
                ms(overhead, 99),
                overhead.length == 0 ? 0 : overhead[overhead.length - 1] / 1e6);
        System.out.printf(
                "  (MCP tool call, chat memory load and commit, prompt building, LangChain4j, the OpenAI client's HTTP)%n");
        long[][] parts = breakdown(pass);
        System.out.printf(
                "  where it goes, p50 / p95: before the first model request %.1f / %.1f ms (memory load, tools list,%n",
                ms(parts[0], 50), ms(parts[0], 95));
        System.out.printf(
                "  prompt, HTTP); model's tool call -> next request %.1f / %.1f ms (MCP search_availability round trip);%n",
                ms(parts[1], 50), ms(parts[1], 95));
        System.out.printf(
                "  final answer -> turn done %.1f / %.1f ms (answer parsed, memory committed)%n",
                ms(parts[2], 50), ms(parts[2], 95));
        System.out.printf(
                "  the service's timer agent.model.turn over these turns: %d turns, mean %.1f ms (its own p95, last ~2 min: %.1f ms)%n",
                pass.timerCount(), pass.timerMeanMillis(), pass.timerP95Millis());
        long[] e2e = sorted(pass.delivered().stream().mapToLong(Delivered::endToEndNanos));
        System.out.printf(
                "end-to-end per turn, callback posted -> answer at the Cloud API: p50 %.1f ms   p95 %.1f ms   max %.1f ms%n",
                ms(e2e, 50), ms(e2e, 95), e2e.length == 0 ? 0 : e2e[e2e.length - 1] / 1e6);
        List<ModelCall> agentRequests =
                pass.model().stream().filter(c -> !c.condensation()).toList();
        List<ModelCall> condensations =
                pass.model().stream().filter(ModelCall::condensation).toList();
        long[] lateness = sorted(pass.model().stream()
                .mapToLong(c -> c.handledNanos() - TimeUnit.MILLISECONDS.toNanos(MODEL_LATENCY_MILLIS)));
        long fallbacks = pass.delivered().stream()
                .filter(d -> !d.text().contains(ANSWER_SIGNATURE))
                .count();
        long failedTurns = pass.agent().stream().filter(AgentCall::failed).count();
        System.out.printf(
                "model requests: %d for the turns (%.2f per turn), %d condensations; stand-in late by p50 %.2f ms, max %.1f ms%n",
                agentRequests.size(),
                agentRequests.size() / (double) Math.max(1, pass.delivered().size()),
                condensations.size(),
                ms(lateness, 50),
                lateness.length == 0 ? 0 : lateness[lateness.length - 1] / 1e6);
        System.out.printf(
                "answers not the model's (fallbacks): %d; failed agent turns: %d; unexpected sends: %d; unreadable requests: %d%n",
                fallbacks, failedTurns, pass.unexpectedSends(), pass.unreadable());
        System.out.printf(
                "Mem0 stand-in, warm-up included: %d searches, %d adds%n", pass.mem0Searches(), pass.mem0Adds());
        double wall = pass.machine()[0] / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double machineBusy = busy(pass);
        System.out.printf(
                "measured turns took %.1f s; this process used %.1f s of CPU (%.0f%% of %d cores, stand-ins and driver%n",
                wall, pass.machine()[1] / 1e9, 100 * pass.machine()[1] / 1e9 / wall / cores, cores);
        System.out.printf(
                "  included); the whole machine was %.0f%% busy, other work sharing it included; %d garbage%n",
                machineBusy, pass.machine()[2]);
        System.out.printf("  collections, %d ms in all%n", pass.machine()[3]);
        pass.delivered().stream()
                .filter(d -> !d.text().contains(ANSWER_SIGNATURE))
                .limit(3)
                .forEach(d ->
                        System.out.printf("  e.g. guest %d turn %d got: %s%n", d.guest(), d.turn(), oneLine(d.text())));
        System.out.printf(
                "condensed summaries: %s%n",
                pass.condenserOutcomes().isEmpty()
                        ? "none reported"
                        : pass.condenserOutcomes().entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .sorted()
                                .toList());
        System.out.printf("at the end: %s%n", pass.conversations());
        System.out.printf(
                "service warnings/errors in the log during the measured turns: %d%n",
                pass.warnings().size());
        pass.warnings().stream().distinct().limit(5).forEach(w -> System.out.printf("  %s%n", oneLine(w)));

        System.out.println(
                "prompt tokens per turn (median over guests of the turn's largest model request; condensations apart),");
        System.out.println(
                "with the conversation messages that request carried (median) and how many guests' prompts had the summary:");
        System.out.println(
                "  turn   largest prompt   min-max over guests   messages   summary in prompt   condensations after it (median prompt)");
        int[] medians = new int[TURNS + 1];
        for (int turn = 1; turn <= TURNS; turn++) {
            int t = turn;
            int[] largest = new int[GUESTS];
            int guestsSeen = 0;
            for (int g = 1; g <= GUESTS; g++) {
                int guest = g;
                int max = agentRequests.stream()
                        .filter(c -> c.guest() == guest && c.turn() == t)
                        .mapToInt(ModelCall::promptTokens)
                        .max()
                        .orElse(-1);
                if (max >= 0) {
                    largest[guestsSeen++] = max;
                }
            }
            int[] seen = Arrays.copyOf(largest, guestsSeen);
            Arrays.sort(seen);
            medians[turn] = seen.length == 0 ? 0 : seen[seen.length / 2];
            int[] condensed =
                    sortedInts(condensations.stream().filter(c -> c.turn() == t).mapToInt(ModelCall::promptTokens));
            int[] carried = sortedInts(agentRequests.stream()
                    .filter(c -> c.turn() == t && c.finalAnswer())
                    .mapToInt(ModelCall::messages));
            long summarised = agentRequests.stream()
                    .filter(c -> c.turn() == t && c.finalAnswer() && c.summarised())
                    .count();
            System.out.printf(
                    "  %4d   %14d   %8d-%-10d   %8d   %10d of %-4d   %s%n",
                    turn,
                    medians[turn],
                    seen.length == 0 ? 0 : seen[0],
                    seen.length == 0 ? 0 : seen[seen.length - 1],
                    carried.length == 0 ? 0 : carried[carried.length / 2],
                    summarised,
                    carried.length,
                    condensed.length == 0 ? "-" : condensed.length + " (" + condensed[condensed.length / 2] + ")");
        }
        if (TURNS >= 20) {
            int early = Arrays.stream(medians, 1, 11).max().orElse(0);
            int late = Arrays.stream(medians, 11, TURNS + 1).max().orElse(0);
            int lateMin = Arrays.stream(medians, 10, TURNS + 1).min().orElse(0);
            System.out.printf(
                    "  turns 10-%d range %d-%d tokens; largest of turns 11-%d vs turns 1-10: %d vs %d -> %s%n",
                    TURNS,
                    lateMin,
                    Arrays.stream(medians, 10, TURNS + 1).max().orElse(0),
                    TURNS,
                    late,
                    early,
                    late <= early * 1.10
                            ? "bounded (no growth with the conversation)"
                            : "GROWING with the conversation");
        }
        System.out.printf("process at the end: heap in use %d MiB (after a GC), RSS %s%n", pass.heapMiB(), pass.rss());
    }

    private static double busy(Pass pass) {
        return pass.machine()[5] == 0 ? Double.NaN : 100.0 * pass.machine()[4] / pass.machine()[5];
    }

    private static long[] overheads(Pass pass) {
        Map<String, Long> requests = new ConcurrentHashMap<>();
        pass.model().stream()
                .filter(c -> !c.condensation())
                .forEach(c -> requests.merge(c.guest() + "/" + c.turn(), 1L, Long::sum));
        return sorted(pass.agent().stream()
                .filter(c -> !c.failed())
                .mapToLong(c -> c.nanos()
                        - requests.getOrDefault(c.guest() + "/" + c.turn(), 0L)
                                * TimeUnit.MILLISECONDS.toNanos(MODEL_LATENCY_MILLIS)));
    }

    /** Per turn: agent start to the first model request, tool call answered to the next request, last answer to the end. */
    private static long[][] breakdown(Pass pass) {
        Map<String, List<ModelCall>> byTurn = new LinkedHashMap<>();
        pass.model().stream()
                .filter(c -> !c.condensation())
                .forEach(c -> byTurn.computeIfAbsent(c.guest() + "/" + c.turn(), k -> new ArrayList<>())
                        .add(c));
        List<Long> before = new ArrayList<>();
        List<Long> between = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        for (AgentCall call : pass.agent()) {
            List<ModelCall> requests = byTurn.get(call.guest() + "/" + call.turn());
            if (call.failed() || requests == null || requests.size() != 2) {
                continue;
            }
            requests.sort(java.util.Comparator.comparingLong(ModelCall::arrivedNanos));
            before.add(requests.get(0).arrivedNanos() - call.startNanos());
            between.add(requests.get(1).arrivedNanos() - requests.get(0).answeredNanos());
            after.add(call.endNanos() - requests.get(1).answeredNanos());
        }
        return new long[][] {
            sorted(before.stream().mapToLong(Long::longValue)),
            sorted(between.stream().mapToLong(Long::longValue)),
            sorted(after.stream().mapToLong(Long::longValue))
        };
    }

    private static int medianLargest(Pass pass) {
        Map<String, Integer> largest = new ConcurrentHashMap<>();
        pass.model().stream()
                .filter(c -> !c.condensation())
                .forEach(c -> largest.merge(c.guest() + "/" + c.turn(), c.promptTokens(), Math::max));
        int[] values =
                largest.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 220 ? line.substring(0, 220) + "…" : line;
    }

    private static long[] sorted(java.util.stream.LongStream values) {
        return values.sorted().toArray();
    }

    private static int[] sortedInts(java.util.stream.IntStream values) {
        return values.sorted().toArray();
    }

    private static double ms(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private AgentBenchmark() {}
}
