package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands between the service and the OpenAI-compatible model under evaluation and passes every request through
 * untouched, counting each answer's {@code usage} for the guest the request is about (the WhatsApp name the
 * service puts in the system message): the tokens of each conversation, whatever else runs at the same time.
 */
final class ModelProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("WhatsApp name is ([^\"\\n]+?)\\.(?=\\n|\"|\\s|$)");

    private final String upstream;
    private final HttpServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, AtomicLongArray> tokens = new ConcurrentHashMap<>();

    ModelProxy(String upstreamBaseUrl) {
        this.upstream = upstreamBaseUrl.replaceAll("/+$", "");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1", this::forward);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Prompt and completion tokens of the requests about {@code guestName}. */
    long[] tokensOf(String guestName) {
        AtomicLongArray t = tokens.get(guestName);
        return t == null ? new long[] {0, 0} : new long[] {t.get(0), t.get(1)};
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath().substring("/v1".length());
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(upstream + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(120))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] {"Authorization", "Content-Type", "Accept", "api-key"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException e) {
            byte[] error =
                    "{\"error\":{\"message\":\"the model could not be reached\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, error.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(error);
            }
            return;
        }
        count(body, response.body());
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        response.headers().firstValue("Content-Type").orElse("application/json"));
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private void count(byte[] request, byte[] response) {
        try {
            JsonNode usage = JSON.readTree(response).path("usage");
            if (usage.isMissingNode()) {
                return;
            }
            Matcher name = NAME.matcher(new String(request, StandardCharsets.UTF_8).replace("\\n", "\n"));
            String guest = name.find() ? name.group(1) : "(no guest)";
            AtomicLongArray t = tokens.computeIfAbsent(guest, k -> new AtomicLongArray(2));
            t.addAndGet(0, usage.path("prompt_tokens").asLong());
            t.addAndGet(1, usage.path("completion_tokens").asLong());
        } catch (IOException notJson) {
            // a streamed or non-JSON answer carries no usage to count
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
