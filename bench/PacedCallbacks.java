import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reply-latency driver of bench/compare.sh: posts signed text callbacks at a steady rate, each from its
 * own sender, first for a warm-up and then for the measured run, and reads from the Cloud API stand-in
 * (bench/StandIns.java) when a message to each measured sender arrived. Latency is that arrival less the
 * moment its callback was posted (both epoch microseconds on this machine's clock).
 * <p>{@code java bench/PacedCallbacks.java <webhookUrl> <appSecret> <perSecond> <warmupSeconds> <seconds>
 * <cloudApiStandInUrl> <run 1-9> [waitSeconds]}
 * <p>Prints one line: {@code callbacks=N acked=N replies=N p50=ms p95=ms p99=ms max=ms}.
 */
public class PacedCallbacks {

    public static void main(String[] args) throws Exception {
        URI webhook = URI.create(args[0]);
        String secret = args[1];
        double rate = Double.parseDouble(args[2]);
        int warmupSeconds = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String standIn = args[5];
        int run = Integer.parseInt(args[6]);
        int waitSeconds = args.length > 7 ? Integer.parseInt(args[7]) : 15;

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        int warmups = (int) Math.round(warmupSeconds * rate);
        int measured = (int) Math.round(seconds * rate);
        long tag = System.currentTimeMillis();
        List<Callback> callbacks = new ArrayList<>(warmups + measured);
        for (int n = 0; n < warmups + measured; n++) {
            boolean warmup = n < warmups;
            int index = warmup ? n : n - warmups;
            String sender = String.format("40%d%d%07d", run, warmup ? 0 : 1, index);
            byte[] body = callback(sender, "wamid.paced" + tag + "." + n, index);
            callbacks.add(new Callback(sender, warmup, body, "sha256=" + HexFormat.of().formatHex(mac.doFinal(body))));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long[] sentMicros = new long[callbacks.size()];
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(callbacks.size());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = Math.round(1e9 / rate);
        scheduler.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= callbacks.size()) {
                return;
            }
            Callback c = callbacks.get(n);
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", c.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build();
            sentMicros[n] = nowMicros();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200 && !c.warmup()) {
                    acked.incrementAndGet();
                }
                done.countDown();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(warmupSeconds + seconds + 30L, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        long lastSent = Arrays.stream(sentMicros).max().orElse(nowMicros());

        Map<String, Integer> measuredBySender = new HashMap<>();
        for (int n = warmups; n < callbacks.size(); n++) {
            measuredBySender.put(callbacks.get(n).sender(), n);
        }
        long[] replyMicros = new long[callbacks.size()];
        int replies = 0;
        long deadline = lastSent + waitSeconds * 1_000_000L;
        HttpRequest poll = HttpRequest.newBuilder(URI.create(standIn + "/_replies")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            String body = client.send(poll, HttpResponse.BodyHandlers.ofString()).body();
            replies = 0;
            Arrays.fill(replyMicros, 0);
            for (String line : body.split("\n")) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                Integer n = measuredBySender.get(line.substring(0, space));
                if (n == null) {
                    continue;
                }
                long arrived = Long.parseLong(line.substring(space + 1));
                if (replyMicros[n] == 0) {
                    replies++;
                    replyMicros[n] = arrived;
                } else {
                    replyMicros[n] = Math.min(replyMicros[n], arrived);
                }
            }
            if (replies >= measured || nowMicros() > deadline) {
                break;
            }
            Thread.sleep(200);
        }

        double[] latencies = new double[replies];
        int i = 0;
        for (int n = warmups; n < callbacks.size(); n++) {
            if (replyMicros[n] != 0) {
                latencies[i++] = (replyMicros[n] - sentMicros[n]) / 1000.0;
            }
        }
        Arrays.sort(latencies);
        System.out.printf("callbacks=%d acked=%d replies=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", measured, acked.get(),
                replies, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1]);
        System.exit(0);
    }

    private record Callback(String sender, boolean warmup, byte[] body, String signature) {
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static byte[] callback(String sender, String wamid, int index) {
        long now = System.currentTimeMillis() / 1000;
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Guest " + index + "\"},"
                + "\"wa_id\":\"" + sender + "\"}],\"messages\":[{\"from\":\"" + sender + "\",\"id\":\"" + wamid + "\","
                + "\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"Is Casa Pescarului free from "
                + "June 15 to June 20 for 2 people?\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
