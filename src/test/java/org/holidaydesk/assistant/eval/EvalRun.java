package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One evaluation: the service started on the evaluation's world with a stand-in Cloud API (and, for a model,
 * a proxy counting its tokens), every scenario played {@code k} times through the real signed webhook, each
 * run judged. The service is started by a {@link Launcher}: the packaged jar for the command, the tests' class
 * path in the suite.
 */
public final class EvalRun {

    /** Starts the service with these environment variables; the handle gives its public port. */
    public interface Launcher {
        Service start(Map<String, String> environment, Path workFolder);
    }

    public interface Service extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    /** What the run is pointed at: the offline agent (no model), or an OpenAI-compatible model. */
    public record Target(String baseUrl, String model, String apiKey) {

        public static final Target OFFLINE = new Target(null, null, null);

        public boolean offline() {
            return baseUrl == null;
        }

        public String label() {
            return offline() ? "offline agent" : model + " at " + baseUrl;
        }
    }

    /** How long a turn waits for its first reply, and for the service to fall quiet after the last one. */
    public record Pace(Duration firstReply, Duration quiet, int parallel) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "eval-app-secret";
    private static final AtomicLong GUESTS = new AtomicLong(1000);

    private final World world;
    private final List<Scenario> scenarios;
    private final Launcher launcher;
    private final Pace pace;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EvalRun(World world, List<Scenario> scenarios, Launcher launcher, Pace pace) {
        this.world = world;
        this.scenarios = scenarios;
        this.launcher = launcher;
        this.pace = pace;
    }

    /** Plays every scenario {@code k} times against {@code target}; returns the judged transcripts. */
    public List<Result> run(Target target, int k, Path workFolder) {
        Path catalog = world.writeTo(workFolder.resolve("world"));
        try (CloudApiStandIn cloud = new CloudApiStandIn();
                ModelProxy proxy = target.offline() ? null : new ModelProxy(target.baseUrl())) {
            Map<String, String> env = new HashMap<>();
            env.put("APP_ENV", "development");
            env.put("WHATSAPP_APP_SECRET", SECRET);
            env.put("WHATSAPP_ACCESS_TOKEN", "eval-access-token");
            env.put("WHATSAPP_API_BASE_URL", cloud.baseUrl());
            env.put("HANDOFF_WEBHOOK_URL", cloud.handoffUrl());
            env.put("PROPERTY_CATALOG", "file:" + catalog.toAbsolutePath());
            env.put("PROPERTY_TIME_ZONE", world.zone().getId());
            env.put("BOOKING_URL_TEMPLATE", world.bookingUrlTemplate());
            env.put("BUSINESS_CONTACT", world.businessContact());
            env.put(
                    "DATABASE_URL",
                    "jdbc:h2:file:" + workFolder.toAbsolutePath().resolve("data/assistant")
                            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            if (!target.offline()) {
                env.put("OPENAI_BASE_URL", proxy.baseUrl());
                env.put("OPENAI_MODEL", target.model());
                env.put(
                        "OPENAI_API_KEY",
                        target.apiKey() == null || target.apiKey().isBlank() ? "none" : target.apiKey());
            }
            try (Service service = launcher.start(env, workFolder)) {
                awaitWorld(service.port());
                Judge judge = new Judge(world);
                ExecutorService pool = Executors.newFixedThreadPool(pace.parallel());
                try {
                    List<Future<Result>> futures = new ArrayList<>();
                    for (Scenario scenario : scenarios) {
                        for (int run = 1; run <= k; run++) {
                            int r = run;
                            futures.add(pool.submit(() -> {
                                Transcript t = play(scenario, r, service.port(), cloud, proxy);
                                return new Result(t, judge.judge(t));
                            }));
                        }
                    }
                    List<Result> results = new ArrayList<>();
                    for (Future<Result> f : futures) {
                        results.add(f.get());
                    }
                    return results;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    /**
     * Waits until the property tools agree with the world: each property's first blocked stay is refused as
     * booked. The calendars are imported shortly after the service reports healthy; a conversation before that
     * would be judged against a world the service does not have yet.
     */
    private void awaitWorld(int port) {
        for (World.Place place : world.places()) {
            if (place.blocked().isEmpty()) {
                continue;
            }
            java.time.LocalDate[] first = place.blocked().get(0);
            String call =
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_availability\","
                            + "\"arguments\":{\"checkIn\":\"" + first[0] + "\",\"checkOut\":\"" + first[1]
                            + "\",\"guests\":1,"
                            + "\"property\":\"" + place.id() + "\"}}}";
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(call))
                                .build();
                        String body = http.send(request, HttpResponse.BodyHandlers.ofString())
                                .body();
                        return body.contains("\\\"status\\\":\\\"BOOKED\\\"") || body.contains("\"status\":\"BOOKED\"");
                    });
        }
    }

    /** A run's transcript and its verdict. */
    public record Result(Transcript transcript, Judge.Verdict verdict) {}

    private Transcript play(Scenario scenario, int run, int port, CloudApiStandIn cloud, ModelProxy proxy) {
        long n = GUESTS.incrementAndGet();
        String guest = "4079" + String.format("%07d", n);
        String name = scenario.id() + "#" + run;
        List<Transcript.TurnRecord> turns = new ArrayList<>();
        for (int i = 0; i < scenario.turns().size(); i++) {
            Scenario.Turn turn = scenario.turns().get(i);
            String text = scenario.text(turn, world.today());
            int before = cloud.sentTo(guest).size();
            long posted = System.nanoTime();
            post(port, callback(guest, name, "wamid.eval." + n + "." + i, text));
            List<CloudApiStandIn.Arrival> replies = awaitReplies(cloud, guest, before);
            List<Transcript.Sent> sent = replies.stream()
                    .map(a -> bookingPages(Transcript.Sent.of(a.body()), port))
                    .toList();
            long first = replies.isEmpty() ? -1 : (replies.get(0).nanos() - posted) / 1_000_000;
            turns.add(new Transcript.TurnRecord(text, sent, first));
        }
        long[] tokens = proxy == null ? new long[] {0, 0} : proxy.tokensOf(name);
        return new Transcript(scenario, run, guest, List.copyOf(turns), cloud.handoffsFor(guest), tokens[0], tokens[1]);
    }

    /**
     * A booking button opens the service's tracked link ({@code /b/{token}}): the judge reads the booking page it
     * redirects to, as the guest's browser would land on it.
     */
    private static Transcript.Sent bookingPages(Transcript.Sent sent, int port) {
        String tracked = "http://localhost:" + port + "/b/";
        if (sent.urls().stream().noneMatch(url -> url.startsWith(tracked))) {
            return sent;
        }
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<String> urls = sent.urls().stream()
                .map(url -> {
                    if (!url.startsWith(tracked)) {
                        return url;
                    }
                    try {
                        HttpResponse<Void> answer = client.send(
                                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        return answer.headers().firstValue("Location").orElse(url);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return url;
                    }
                })
                .toList();
        return new Transcript.Sent(sent.text(), sent.choices(), urls);
    }

    /** The messages of this turn: the first within {@code firstReply}, then all until none came for {@code quiet}. */
    private List<CloudApiStandIn.Arrival> awaitReplies(CloudApiStandIn cloud, String guest, int before) {
        try {
            Awaitility.await()
                    .atMost(pace.firstReply())
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> cloud.sentTo(guest).size() > before);
        } catch (ConditionTimeoutException silent) {
            return List.of();
        }
        long quietNanos = pace.quiet().toNanos();
        Awaitility.await()
                .atMost(pace.firstReply())
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    List<CloudApiStandIn.Arrival> all = cloud.sentTo(guest);
                    return System.nanoTime() - all.get(all.size() - 1).nanos() >= quietNanos;
                });
        List<CloudApiStandIn.Arrival> all = cloud.sentTo(guest);
        return all.subList(before, all.size());
    }

    private static byte[] callback(String from, String name, String messageId, String text) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry")
                .addObject()
                .put("id", "102290129340398")
                .putArray("changes")
                .addObject()
                .put("field", "messages")
                .putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata")
                .put("display_phone_number", "15550783881")
                .put("phone_number_id", "106540352242922");
        value.putArray("contacts")
                .addObject()
                .put("wa_id", from)
                .putObject("profile")
                .put("name", name);
        ObjectNode message = value.putArray("messages")
                .addObject()
                .put("from", from)
                .put("id", messageId)
                .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .put("type", "text");
        message.putObject("text").put("body", text);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void post(int port, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the webhook answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
