import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for the webhook ingress: posts distinct signed callbacks from N concurrent connections for a fixed
 * time and prints acknowledged callbacks per second and latency percentiles. Needs only the JDK:
 * {@code java bench/IngressBenchmark.java <baseUrl> <appSecret> [concurrency] [seconds] [warmupSeconds]}.
 */
public class IngressBenchmark {

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String secret = args[1];
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmupSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 5;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI webhook = URI.create(baseUrl + "/webhooks/whatsapp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        System.out.printf("warming up for %d s at concurrency %d%n", warmupSeconds, concurrency);
        run(http, webhook, mac, concurrency, warmupSeconds, "warmup");
        System.out.printf("measuring for %d s at concurrency %d%n", seconds, concurrency);
        Result result = run(http, webhook, mac, concurrency, seconds, "run");

        long[] latencies = result.latencies();
        Arrays.sort(latencies);
        double elapsed = result.elapsedNanos() / 1e9;
        System.out.println();
        System.out.println("requests:                " + (latencies.length + result.failures()));
        System.out.println("acknowledged (200):      " + latencies.length);
        System.out.println("not acknowledged:        " + result.failures());
        System.out.printf("acknowledged per second: %.0f%n", latencies.length / elapsed);
        System.out.printf("latency p50:             %.2f ms%n", percentile(latencies, 50));
        System.out.printf("latency p90:             %.2f ms%n", percentile(latencies, 90));
        System.out.printf("latency p99:             %.2f ms%n", percentile(latencies, 99));
        System.out.printf("latency p99.9:           %.2f ms%n", percentile(latencies, 99.9));
        System.out.printf("latency max:             %.2f ms%n", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.println("total acknowledged incl. warmup: " + SENT_OK.get());
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicLong SENT_OK = new AtomicLong();

    record Result(long[] latencies, long failures, long elapsedNanos) {
    }

    private static Result run(HttpClient http, URI webhook, Mac prototype, int concurrency, int seconds, String label)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perThread = new ArrayList<>();
        long[] counts = new long[concurrency];
        long[] failures = new long[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] samples = new long[400_000];
            perThread.add(samples);
            int worker = t;
            Mac mac = (Mac) prototype.clone();
            Thread.ofPlatform().name(label + "-" + t).start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        byte[] body = callback(SEQUENCE.incrementAndGet());
                        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                        HttpRequest request = HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", signature)
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();
                        long begin = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - begin;
                        if (status == 200 && counts[worker] < samples.length) {
                            samples[(int) counts[worker]++] = took;
                            SENT_OK.incrementAndGet();
                        } else if (status != 200) {
                            failures[worker]++;
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        int total = 0;
        for (long c : counts) {
            total += (int) c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, (int) counts[t]);
            at += (int) counts[t];
        }
        return new Result(all, Arrays.stream(failures).sum(), elapsed);
    }

    /** A text callback shaped like Meta's, with its own message id and sender. */
    private static byte[] callback(long n) {
        String sender = "4075" + String.format("%07d", n % 5000);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Guest " + n + "\"},"
                + "\"wa_id\":\"" + sender + "\"}],\"messages\":[{\"from\":\"" + sender + "\",\"id\":\"wamid.bench" + n + "\","
                + "\"timestamp\":\"1795536007\",\"type\":\"text\",\"text\":{\"body\":\"Is Casa Pescarului free from "
                + "June 15 to June 20 for 2 people?\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
