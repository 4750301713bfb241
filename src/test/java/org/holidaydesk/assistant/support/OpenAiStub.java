package org.holidaydesk.assistant.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on loopback (WireMock), for whole-service tests of the
 * model agent: answers are chosen by a word the guest's message carries, so that tests of different
 * guests share one server. Records every request for the tests to read. A {@link Script} plays a model
 * that reads what a tool answered: it calls the tool with arguments it picks from the conversation, then
 * answers from the tool's result.
 */
public final class OpenAiStub implements AutoCloseable {

    public static final String COMPLETIONS = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPTED = "scripted-model";

    /**
     * One step of a model's reasoning: the tool it calls with the arguments it takes from the request (the
     * whole conversation so far), then, once the conversation ends with that tool's result, the answer it
     * makes of the result (the tool's JSON, or its text when it refused).
     */
    public record Script(
            String tool, Function<JsonNode, Map<String, Object>> arguments, Function<JsonNode, String> answer) {}

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ScriptedTurns()));

    public OpenAiStub() {
        server.start();
    }

    /** The base URL as {@code OPENAI_BASE_URL} takes it, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public WireMockServer server() {
        return server;
    }

    /** No stub, no script and no request recorded: what a test sharing this stand-in starts from. */
    public void reset() {
        server.resetAll();
        scripts.clear();
    }

    /** Requests no other stub answers get {@code text}. */
    public void answerEverythingElse(String text) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).atPriority(10).willReturn(json(completion(text))));
    }

    /** Requests whose conversation mentions {@code marker} get {@code text} as the answer. */
    public void answer(String marker, String text) {
        server.stubFor(completions(marker).atPriority(5).willReturn(json(completion(text))));
    }

    /** Like {@link #answer}, and before it: for a word that comes later in a conversation another stub answers. */
    public void answerBefore(String marker, String text) {
        server.stubFor(completions(marker).atPriority(3).willReturn(json(completion(text))));
    }

    /**
     * Requests mentioning {@code marker} first get a call of {@code tool} with {@code arguments}; once the
     * conversation carries the tool's result, {@code text}.
     */
    public void callToolThenAnswer(String marker, String tool, Map<String, Object> arguments, String text) {
        server.stubFor(completions(marker).atPriority(5).willReturn(json(toolCall(tool, arguments))));
        server.stubFor(completions(marker)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(json(completion(text))));
    }

    /**
     * Requests mentioning {@code marker} are answered by {@code script}; a higher {@code priority} (a lower
     * number, 1 to 4) wins when a later turn's conversation still mentions an earlier turn's marker.
     */
    public void script(String marker, int priority, Script script) {
        scripts.put(marker, script);
        server.stubFor(completions(marker)
                .atPriority(priority)
                .willReturn(aResponse().withTransformers(SCRIPTED).withTransformerParameter("marker", marker)));
    }

    /** Requests mentioning {@code marker} always get another tool call: a model that never stops. */
    public StubMapping callToolsForever(String marker, String tool, Map<String, Object> arguments) {
        return server.stubFor(completions(marker).atPriority(1).willReturn(json(toolCall(tool, arguments))));
    }

    /** Requests mentioning {@code marker} get an HTTP error. */
    public StubMapping fail(String marker, int status) {
        return server.stubFor(completions(marker)
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"stub failure\",\"type\":\"server_error\"}}")));
    }

    /** Requests mentioning {@code marker} get their answer only after {@code delayMillis}. */
    public StubMapping answerLate(String marker, String text, int delayMillis) {
        return server.stubFor(completions(marker)
                .atPriority(1)
                .willReturn(json(completion(text)).withFixedDelay(delayMillis)));
    }

    /** Takes back a fault that {@link #fail}, {@link #answerLate} or {@link #callToolsForever} set. */
    public void heal(StubMapping fault) {
        server.removeStub(fault);
    }

    /** The chat-completion requests whose conversation mentions {@code marker}, oldest first. */
    public List<JsonNode> requests(String marker) {
        return server.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r ->
                        r.getUrl().equals(COMPLETIONS) && r.getBodyAsString().contains(marker))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> read(r.getBodyAsString()))
                .toList();
    }

    /** Every chat-completion request, oldest first. */
    public List<JsonNode> requests() {
        return requests("");
    }

    /** The system message of a request. */
    public static String system(JsonNode request) {
        for (JsonNode message : request.path("messages")) {
            if ("system".equals(message.path("role").asText())) {
                return message.path("content").asText();
            }
        }
        return "";
    }

    public static String completion(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
        return envelope(message, "stop");
    }

    public static String toolCall(String tool, Map<String, Object> arguments) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        ObjectNode call = calls.addObject().put("id", "call_" + tool).put("type", "function");
        try {
            call.putObject("function").put("name", tool).put("arguments", JSON.writeValueAsString(arguments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return envelope(message, "tool_calls");
    }

    private static String envelope(ObjectNode message, String finishReason) {
        ObjectNode completion = JSON.createObjectNode()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion")
                .put("created", 1700000000)
                .put("model", "stub-model");
        ObjectNode choice =
                completion.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.set("message", message);
        completion
                .putObject("usage")
                .put("prompt_tokens", 50)
                .put("completion_tokens", 10)
                .put("total_tokens", 60);
        return completion.toString();
    }

    private static MappingBuilder completions(String marker) {
        return post(urlEqualTo(COMPLETIONS)).withRequestBody(containing(marker));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Plays the {@link Script} a request's stub names. */
    private final class ScriptedTurns implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Script script = scripts.get(event.getTransformerParameters().getString("marker"));
            JsonNode request = read(event.getRequest().getBodyAsString());
            JsonNode messages = request.path("messages");
            JsonNode last = messages.get(messages.size() - 1);
            String body;
            if ("tool".equals(last.path("role").asText())) {
                String content = last.path("content").asText();
                JsonNode result;
                try {
                    result = JSON.readTree(content);
                } catch (IOException notJson) {
                    result = JSON.getNodeFactory().textNode(content);
                }
                body = completion(script.answer().apply(result));
            } else {
                body = toolCall(script.tool(), script.arguments().apply(request));
            }
            return json(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return SCRIPTED;
        }
    }
}
