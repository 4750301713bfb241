package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WhatsApp Cloud API as the evaluation plays it, on loopback: every message the service sends is
 * accepted as Meta accepts it and kept per recipient with its arrival time (read receipts are counted
 * apart: they are not billed); {@code POST /_handoff} takes the handoff notifications the business gets.
 */
final class CloudApiStandIn implements AutoCloseable {

    record Arrival(long nanos, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, List<Arrival>> sent = new ConcurrentHashMap<>();
    private final List<String> handoffs = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    CloudApiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String handoffUrl() {
        return baseUrl() + "/_handoff";
    }

    /** The messages sent to {@code recipient}, read receipts left out, in arrival order. */
    List<Arrival> sentTo(String recipient) {
        return new ArrayList<>(sent.getOrDefault(recipient, List.of()));
    }

    /** Handoff notifications whose text names the guest's number's last four digits (they are masked). */
    int handoffsFor(String recipient) {
        String tail = recipient.substring(recipient.length() - 4);
        return (int) handoffs.stream().filter(text -> text.contains(tail)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/_handoff")) {
            handoffs.add(new String(raw, StandardCharsets.UTF_8));
            respond(exchange, 200, "{\"ok\":true}");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/messages")) {
            respond(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}");
            return;
        }
        JsonNode body = JSON.readTree(raw);
        org.holidaydesk.assistant.support.MetaMessageShape.collect(body);
        if (!"read".equals(body.path("status").asText())) {
            String to = body.path("to").asText();
            sent.computeIfAbsent(to, k -> new CopyOnWriteArrayList<>()).add(new Arrival(now, body));
        }
        respond(
                exchange,
                200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
                        + body.path("to").asText() + "\",\"wa_id\":\""
                        + body.path("to").asText() + "\"}],\"messages\":[{\"id\":\"wamid.eval" + ids.incrementAndGet()
                        + "\"}]}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
