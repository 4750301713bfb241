package org.holidaydesk.assistant.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.config.Mem0Properties;
import org.holidaydesk.assistant.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Mem0's hosted memory of guests: what a guest told the assistant in one conversation (who travels with
 * them, what they liked, what they asked for) is handed to Mem0 afterwards, and recalled when the same
 * guest writes again days later.
 *
 * <p>Memory is best-effort: no method throws, a search waits about {@code assistant.mem0.timeout} at most,
 * and whatever goes wrong is one WARN line and the guest is answered without what Mem0 remembers. Without
 * {@code MEM0_API_KEY} nothing is sent at all. The guest id is always the service's own (the caller's),
 * never one a model produced, so nothing a guest writes can reach another guest's memories. Logs show masked
 * guest ids only, never a query, a memory or the key.
 */
@Component
public class Mem0Client implements AutoCloseable {

    /** One message of a conversation to remember: {@code role} is {@code "user"} (the guest) or {@code "assistant"}. */
    public record Turn(String role, String content) {}

    private static final Logger LOG = LoggerFactory.getLogger(Mem0Client.class);
    /** Mem0 asking to wait longer than this after a 429 means the conversation is not remembered. */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(5);

    private static final String ADD = "/v3/memories/add/";
    private static final String SEARCH = "/v3/memories/search/";
    /** The guest's memories; the user id is a URI variable, so a {@code +} reaches Mem0 encoded. */
    private static final String MEMORIES = "/v1/memories/?user_id={user}";

    /** Mem0's answer: its status, its {@code Retry-After} (or null) and its body. */
    private record Answer(int status, String retryAfter, String body) {

        boolean succeeded() {
            return status / 100 == 2;
        }
    }

    private final Mem0Properties properties;
    private final HttpClient http;
    private final RestClient mem0;

    public Mem0Client(Mem0Properties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        // the whole answer, its body included: the factory cancels a request still unanswered after the timeout
        requests.setReadTimeout(properties.timeout());
        this.mem0 = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(properties.baseUrl().toString().replaceAll("/+$", ""))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Token " + properties.apiKey())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** True when a key is set, so guests are remembered across conversations. */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * What Mem0 remembers of this guest that bears on {@code query}, best match first and at most
     * {@code assistant.mem0.top-k} of them; empty when memory is off, nothing matches or Mem0 did not
     * answer in time.
     */
    public List<String> search(String userId, String query) {
        if (!enabled() || query == null || query.isBlank()) {
            return List.of();
        }
        if (userId == null || userId.isBlank()) {
            LOG.warn("Mem0 search skipped: no guest id");
            return List.of();
        }
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.putObject("filters").put("user_id", userId);
        body.put("top_k", properties.topK());
        Answer response = send("search", userId, post(SEARCH, body));
        if (response == null) {
            return List.of();
        }
        if (!response.succeeded()) {
            warn("search", userId, "HTTP " + response.status());
            return List.of();
        }
        JsonNode results;
        try {
            JsonNode answer = JSON.readTree(response.body());
            results = answer.isArray() ? answer : answer.path("results");
        } catch (JsonProcessingException e) {
            warn("search", userId, "an answer that is not JSON");
            return List.of();
        }
        if (!results.isArray()) {
            warn("search", userId, "an answer without results");
            return List.of();
        }
        List<String> memories = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode memory = result.path("memory");
            if (memory.isTextual() && !memory.textValue().isBlank()) {
                memories.add(memory.textValue());
            }
            if (memories.size() == properties.topK()) {
                break;
            }
        }
        return List.copyOf(memories);
    }

    /**
     * Hands a conversation to Mem0, which extracts what is worth remembering about the guest in the
     * background. Asked to slow down (429) for at most 5 seconds, it waits and tries once more; otherwise a
     * failure is logged and the conversation is not remembered. Blocks for up to twice the timeout plus that
     * wait, so callers run it after the guest's reply is on its way.
     *
     * @param metadata short labels stored with the memories (for example the property asked about); may be empty
     */
    public void add(String userId, List<Turn> messages, Map<String, String> metadata) {
        if (!enabled() || messages == null) {
            return;
        }
        if (userId == null || userId.isBlank()) {
            LOG.warn("Mem0 add skipped: no guest id");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode turns = body.putArray("messages");
        for (Turn turn : messages) {
            if (turn != null
                    && turn.role() != null
                    && turn.content() != null
                    && !turn.content().isBlank()) {
                turns.addObject().put("role", turn.role()).put("content", turn.content());
            }
        }
        if (turns.isEmpty()) {
            return;
        }
        body.put("user_id", userId);
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode labels = body.putObject("metadata");
            metadata.forEach(labels::put);
        }
        RestClient.RequestHeadersSpec<?> request = post(ADD, body);
        Answer response = send("add", userId, request);
        if (response != null && response.status() == 429) {
            Duration wait = retryAfter(response);
            if (wait != null && wait.compareTo(LONGEST_RETRY_AFTER) <= 0 && pause(wait)) {
                response = send("add", userId, request);
            }
        }
        if (response != null && !response.succeeded()) {
            warn("add", userId, "HTTP " + response.status());
        }
    }

    /**
     * Asks Mem0 to erase everything it remembers of this guest, as when a guest asks to be forgotten. Mem0
     * erases in the background; true means it accepted the request, or that memory is off and there is
     * nothing to erase.
     */
    public boolean forget(String userId) {
        if (!enabled()) {
            return true;
        }
        if (userId == null || userId.isBlank()) {
            LOG.warn("Mem0 forget skipped: no guest id");
            return false;
        }
        Answer response = send("forget", userId, mem0.delete().uri(MEMORIES, userId));
        if (response == null) {
            return false;
        }
        if (!response.succeeded()) {
            warn("forget", userId, "HTTP " + response.status());
            return false;
        }
        return true;
    }

    /**
     * Asks Mem0 to erase what it remembers of one turn of this guest: the memories added with
     * {@code metadata.turn} = {@code turnId} ({@code DELETE /v1/memories/?user_id=…&metadata[turn]=…}). True when
     * Mem0 accepted it, or memory is off.
     */
    public boolean forgetTurn(String userId, String turnId) {
        if (!enabled()) {
            return true;
        }
        if (userId == null || userId.isBlank() || turnId == null || turnId.isBlank()) {
            return false;
        }
        Answer response =
                send("forget a turn", userId, mem0.delete().uri(MEMORIES + "&metadata[turn]={turn}", userId, turnId));
        if (response == null || !response.succeeded()) {
            if (response != null) {
                warn("forget a turn", userId, "HTTP " + response.status());
            }
            return false;
        }
        return true;
    }

    /**
     * The guest's memories follow them to a new user id (Mem0 has no rename): each memory of {@code from}
     * ({@code GET /v1/memories/?user_id=}) is added to {@code to} as it is ({@code infer: false}), then
     * {@code from}'s are erased. Best effort: on any failure {@code from}'s memories stay, and false is returned.
     */
    public boolean moveUser(String from, String to) {
        if (!enabled()) {
            return true;
        }
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return false;
        }
        Answer listed = send("list", from, mem0.get().uri(MEMORIES, from));
        if (listed == null || !listed.succeeded()) {
            return false;
        }
        List<String> memories = new ArrayList<>();
        try {
            JsonNode answer = JSON.readTree(listed.body());
            for (JsonNode memory : answer.isArray() ? answer : answer.path("results")) {
                if (memory.path("memory").isTextual()
                        && !memory.path("memory").textValue().isBlank()) {
                    memories.add(memory.path("memory").textValue());
                }
            }
        } catch (JsonProcessingException e) {
            warn("list", from, "an answer that is not JSON");
            return false;
        }
        if (!memories.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode turns = body.putArray("messages");
            memories.forEach(memory -> turns.addObject().put("role", "user").put("content", memory));
            body.put("user_id", to).put("infer", false);
            body.putObject("metadata").put("moved_from", "earlier user id");
            Answer added = send("add", to, post(ADD, body));
            if (added == null || !added.succeeded()) {
                return false;
            }
        }
        return forget(from);
    }

    @Override
    public void close() {
        http.close();
    }

    private RestClient.RequestHeadersSpec<?> post(String path, JsonNode body) {
        return mem0.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    /**
     * One request, answered within the timeout or given up on. Null when there was no answer, already logged by the
     * kind of failure only: Spring's exception messages name the request's address, which carries the guest's id.
     */
    private Answer send(String action, String userId, RestClient.RequestHeadersSpec<?> request) {
        long started = System.nanoTime();
        try {
            return request.exchange((sent, response) -> new Answer(
                    response.getStatusCode().value(),
                    response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                    new String(response.getBody().readAllBytes(), UTF_8)));
        } catch (RestClientException e) {
            warn(action, userId, reason(e, started));
        } catch (RuntimeException e) {
            warn(action, userId, e.getClass().getSimpleName());
        }
        return null;
    }

    /** What went wrong, by kind only; an answer the timeout cut off (before it began or within its body) says so. */
    private String reason(RestClientException e, long started) {
        if (Thread.currentThread().isInterrupted()) {
            return "interrupted";
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof HttpTimeoutException
                || System.nanoTime() - started >= properties.timeout().toNanos()) {
            return "no answer within " + properties.timeout().toMillis() + " ms";
        }
        return cause.getClass().getSimpleName();
    }

    /** Mem0's {@code Retry-After} in seconds; null when absent or not a number of seconds. */
    private static Duration retryAfter(Answer response) {
        String value =
                response.retryAfter() == null ? "" : response.retryAfter().strip();
        return value.matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Exception messages and answers are left out: they may carry a guest's words or the request's address. */
    private static void warn(String action, String userId, String reason) {
        LOG.warn("Mem0 {} for {} failed: {}", action, Masking.recipient(userId), reason);
    }
}
