import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two outside services of bench/compare.sh on loopback, each request on its own virtual thread:
 * <ul>
 * <li>the WhatsApp Cloud API on {@code cloudPort}: {@code POST /{version}/{phoneNumberId}/messages} is
 *     accepted as Meta accepts a message; every message except a read receipt ({@code "status":"read"})
 *     is recorded with its arrival time (epoch microseconds) and its {@code to};</li>
 * <li>an OpenAI-compatible model on {@code modelPort}: {@code POST /v1/chat/completions} answers a plain
 *     assistant message (no tool calls) after the configured delay.</li>
 * </ul>
 * Control, on the Cloud API's port: {@code GET /_replies} (one "to arrivalMicros" line per recorded message),
 * {@code GET /_stats} ("texts=N reads=N completions=N"), {@code POST /_reset} (forgets what was recorded and
 * counted), {@code POST /_delay?ms=N} (the model's delay from now on).
 * <p>{@code java bench/StandIns.java <cloudPort> <modelPort> [modelDelayMs]}
 */
public class StandIns {

    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern READ = Pattern.compile("\"status\"\\s*:\\s*\"read\"");
    private static final String ANSWER = "Casa Pescarului is free from June 15 to June 20 for 2 guests. "
            + "Shall I send you the booking link?";

    private static final ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger texts = new AtomicInteger();
    private static final AtomicInteger reads = new AtomicInteger();
    private static final AtomicInteger completions = new AtomicInteger();
    private static final AtomicLong ids = new AtomicLong();
    private static volatile long modelDelayMillis;

    public static void main(String[] args) throws IOException {
        int cloudPort = Integer.parseInt(args[0]);
        int modelPort = Integer.parseInt(args[1]);
        modelDelayMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;

        HttpServer cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", cloudPort), 1024);
        cloud.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        cloud.createContext("/", StandIns::cloudApi);
        cloud.createContext("/_replies", exchange -> {
            StringBuilder out = new StringBuilder();
            for (String line : replies) {
                out.append(line).append('\n');
            }
            respond(exchange, 200, "text/plain", out.toString());
        });
        cloud.createContext("/_stats", exchange -> respond(exchange, 200, "text/plain",
                "texts=" + texts.get() + " reads=" + reads.get() + " completions=" + completions.get() + "\n"));
        cloud.createContext("/_reset", exchange -> {
            replies.clear();
            texts.set(0);
            reads.set(0);
            completions.set(0);
            respond(exchange, 200, "text/plain", "ok\n");
        });
        cloud.createContext("/_delay", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            modelDelayMillis = Long.parseLong(query.substring(query.indexOf("ms=") + 3));
            respond(exchange, 200, "text/plain", "model delay " + modelDelayMillis + " ms\n");
        });

        HttpServer model = HttpServer.create(new InetSocketAddress("127.0.0.1", modelPort), 1024);
        model.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        model.createContext("/", StandIns::model);

        cloud.start();
        model.start();
        System.out.println("stand-ins: Cloud API on 127.0.0.1:" + cloudPort + ", model on 127.0.0.1:" + modelPort
                + " (" + modelDelayMillis + " ms)");
    }

    private static void cloudApi(HttpExchange exchange) throws IOException {
        long arrived = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        String body = read(exchange);
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4 || !"messages".equals(path[3])) {
            respond(exchange, 404, "application/json", "{\"error\":{\"message\":\"unknown path\",\"code\":100}}");
            return;
        }
        if (READ.matcher(body).find()) {
            reads.incrementAndGet();
            respond(exchange, 200, "application/json", "{\"success\":true}");
            return;
        }
        Matcher to = TO.matcher(body);
        String recipient = to.find() ? to.group(1) : "";
        texts.incrementAndGet();
        replies.add(recipient + " " + arrived);
        respond(exchange, 200, "application/json", "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
                + recipient + "\",\"wa_id\":\"" + recipient + "\"}],\"messages\":[{\"id\":\"wamid.standin"
                + ids.incrementAndGet() + "\"}]}");
    }

    private static void model(HttpExchange exchange) throws IOException {
        read(exchange);
        if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
            respond(exchange, 404, "application/json", "{\"error\":{\"message\":\"unknown path\",\"type\":\"invalid_request_error\"}}");
            return;
        }
        long delay = modelDelayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        completions.incrementAndGet();
        respond(exchange, 200, "application/json", "{\"id\":\"chatcmpl-" + ids.incrementAndGet()
                + "\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"stand-in\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":10,\"total_tokens\":60}}");
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
