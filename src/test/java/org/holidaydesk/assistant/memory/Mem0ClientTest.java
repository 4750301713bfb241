package org.holidaydesk.assistant.memory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.config.Mem0Properties;
import org.holidaydesk.assistant.memory.Mem0Client.Turn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Mem0 on loopback (WireMock): what the client sends, and that a failing Mem0 never fails the guest's reply. */
@ExtendWith(OutputCaptureExtension.class)
class Mem0ClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUEST = "+40712345678";
    private static final String SEARCH = "/v3/memories/search/";
    private static final String ADD = "/v3/memories/add/";

    private static WireMockServer mem0;

    @BeforeAll
    static void startMem0() {
        mem0 = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        mem0.start();
    }

    @AfterAll
    static void stopMem0() {
        mem0.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        mem0.resetAll();
    }

    @Test
    void searchFiltersOnTheGuestAndReturnsTheMemoriesBestFirst() throws Exception {
        mem0.stubFor(post(urlEqualTo(SEARCH)).willReturn(json("""
                {"results": [
                  {"id": "m1", "memory": "Travels with two children", "score": 0.91},
                  {"id": "m2", "memory": "Prefers the lake house", "score": 0.74},
                  {"id": "m3", "memory": "Asked about pets", "score": 0.52}
                ]}""")));

        try (Mem0Client client = client("k", 5)) {
            assertThat(client.search(GUEST, "family stay in August"))
                    .containsExactly("Travels with two children", "Prefers the lake house", "Asked about pets");
        }

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Token k");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("query").asText()).isEqualTo("family stay in August");
        assertThat(body.at("/filters/user_id").asText()).isEqualTo(GUEST);
        assertThat(body.path("top_k").asInt()).isEqualTo(5);
        assertThat(body.has("user_id"))
                .as("Mem0 rejects an entity id outside filters")
                .isFalse();
    }

    @Test
    void searchReturnsNoMoreThanTopK() {
        mem0.stubFor(post(urlEqualTo(SEARCH)).willReturn(json("""
                {"results": [{"memory": "one"}, {"memory": "two"}, {"memory": "three"}]}""")));

        try (Mem0Client client = client("k", 2)) {
            assertThat(client.search(GUEST, "anything")).containsExactly("one", "two");
        }
    }

    @Test
    void addSendsTheConversationWithTheGuestAndItsLabels() throws Exception {
        mem0.stubFor(post(urlEqualTo(ADD)).willReturn(json("""
                {"event_id": "e-1", "status": "PENDING"}""")));

        try (Mem0Client client = client("k", 5)) {
            client.add(
                    GUEST,
                    List.of(
                            new Turn("user", "Is the lake house free 10-14 August for 4?"),
                            new Turn("assistant", "Yes, it is free for 4 guests.")),
                    Map.of("property", "lake-house"));
        }

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Token k");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("user_id").asText()).isEqualTo(GUEST);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Is the lake house free 10-14 August for 4?");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Yes, it is free for 4 guests.");
        assertThat(body.path("messages").size()).isEqualTo(2);
        assertThat(body.at("/metadata/property").asText()).isEqualTo("lake-house");
    }

    @Test
    void forgetDeletesTheGuestsMemoriesByEncodedId() {
        mem0.stubFor(delete(urlPathEqualTo("/v1/memories/")).willReturn(json("""
                {"message": "Memories deleted successfully!"}""")));

        try (Mem0Client client = client("k", 5)) {
            assertThat(client.forget(GUEST)).isTrue();
        }

        mem0.verify(
                1,
                deleteRequestedFor(urlEqualTo("/v1/memories/?user_id=%2B40712345678"))
                        .withHeader("Authorization", equalTo("Token k")));
    }

    @Test
    void forgetReportsARefusal() {
        mem0.stubFor(
                delete(urlPathEqualTo("/v1/memories/")).willReturn(aResponse().withStatus(503)));

        try (Mem0Client client = client("k", 5)) {
            assertThat(client.forget(GUEST)).isFalse();
        }
    }

    @Test
    void withoutAKeyNothingReachesMem0() {
        try (Mem0Client client = client("", 5)) {
            assertThat(client.enabled()).isFalse();
            assertThat(client.search(GUEST, "anything")).isEmpty();
            client.add(GUEST, List.of(new Turn("user", "hello")), Map.of());
            assertThat(client.forget(GUEST))
                    .as("nothing was remembered, so nothing is left to erase")
                    .isTrue();
        }

        assertThat(mem0.getAllServeEvents()).isEmpty();
    }

    @Test
    void joinsPathsWhetherOrNotTheBaseUrlEndsWithASlash() {
        mem0.stubFor(post(urlEqualTo(SEARCH)).willReturn(json("""
                {"results": [{"memory": "found"}]}""")));

        try (Mem0Client withSlash = client("k", 5, baseUrl() + "/", Duration.ofSeconds(2));
                Mem0Client withoutSlash = client("k", 5, baseUrl(), Duration.ofSeconds(2))) {
            assertThat(withSlash.search(GUEST, "q")).containsExactly("found");
            assertThat(withoutSlash.search(GUEST, "q")).containsExactly("found");
        }

        mem0.verify(2, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void searchReturnsNothingWhenMem0Fails() {
        mem0.stubFor(
                post(urlEqualTo(SEARCH)).willReturn(aResponse().withStatus(500).withBody("boom")));

        try (Mem0Client client = client("k", 5)) {
            assertThat(client.search(GUEST, "anything")).isEmpty();
        }
    }

    @Test
    void searchGivesUpOnASlowMem0WithinTheTimeout(CapturedOutput output) {
        mem0.stubFor(post(urlEqualTo(SEARCH)).willReturn(json("""
                {"results": [{"memory": "too late"}]}""").withFixedDelay(10_000)));

        try (Mem0Client client = client("k", 5, baseUrl(), Duration.ofMillis(300))) {
            List<String> memories =
                    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> client.search(GUEST, "anything"));
            assertThat(memories).isEmpty();
        }

        assertThat(output.getOut()).contains("Mem0 search for +40*****5678 failed: no answer within 300 ms");
    }

    @Test
    void searchGivesUpOnAnAnswerWhoseBodyNeverEndsWithinTheTimeout(CapturedOutput output) {
        mem0.stubFor(post(urlEqualTo(SEARCH)).willReturn(json("""
                {"results": [{"memory": "too late"}]}""").withChunkedDribbleDelay(5, 10_000)));

        try (Mem0Client client = client("k", 5, baseUrl(), Duration.ofMillis(300))) {
            List<String> memories =
                    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> client.search(GUEST, "anything"));
            assertThat(memories).isEmpty();
        }

        assertThat(output.getOut()).contains("Mem0 search for +40*****5678 failed: no answer within 300 ms");
    }

    @Test
    void aMem0ThatIsDownIsOneWarningWithoutItsAddressOrTheGuest(CapturedOutput output) throws Exception {
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        try (Mem0Client client = client("secret-key", 5, "http://127.0.0.1:" + closed, Duration.ofSeconds(2))) {
            assertThat(client.search(GUEST, "anything")).isEmpty();
            assertThat(client.forget(GUEST)).isFalse();
        }

        assertThat(output.getAll().lines().filter(line -> line.contains("Mem0")))
                .hasSize(2)
                .allMatch(
                        line -> line.contains("for +40*****5678 failed: ConnectException"), "names the failure's kind")
                .noneMatch(line -> line.contains("127.0.0.1")
                        || line.contains("memories")
                        || line.contains("40712345678")
                        || line.contains("secret-key"));
    }

    @Test
    void searchReturnsNothingForAnAnswerThatIsNotJson() {
        mem0.stubFor(post(urlEqualTo(SEARCH)).willReturn(json("{\"results\": [{\"memory\": ")));

        try (Mem0Client client = client("k", 5)) {
            assertThat(client.search(GUEST, "anything")).isEmpty();
        }
    }

    @Test
    void addTriesOnceMoreWhenMem0AsksToWaitBriefly() {
        mem0.stubFor(post(urlEqualTo(ADD))
                .inScenario("busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
        mem0.stubFor(post(urlEqualTo(ADD))
                .inScenario("busy")
                .whenScenarioStateIs("calm")
                .willReturn(json("{\"event_id\": \"e-2\", \"status\": \"PENDING\"}")));

        try (Mem0Client client = client("k", 5)) {
            client.add(GUEST, List.of(new Turn("user", "hello")), Map.of());
        }

        mem0.verify(2, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void addDropsTheConversationWhenMem0AsksToWaitLong() {
        mem0.stubFor(
                post(urlEqualTo(ADD)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

        try (Mem0Client client = client("k", 5)) {
            client.add(GUEST, List.of(new Turn("user", "hello")), Map.of());
        }

        mem0.verify(1, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void failuresAreLoggedWithoutTheGuestTheirWordsOrTheKey(CapturedOutput output) {
        mem0.stubFor(post(urlEqualTo(SEARCH))
                .willReturn(aResponse().withStatus(500).withBody("{\"detail\": \"Prefers the lake house\"}")));
        mem0.stubFor(post(urlEqualTo(ADD)).willReturn(json("{\"results\": [").withStatus(400)));
        mem0.stubFor(
                delete(urlPathEqualTo("/v1/memories/")).willReturn(aResponse().withStatus(500)));

        try (Mem0Client client = client("secret-key", 5)) {
            client.search(GUEST, "family stay in August");
            client.add(GUEST, List.of(new Turn("user", "We bring our dog")), Map.of());
            client.forget(GUEST);
        }

        assertThat(output.getOut())
                .contains(
                        "Mem0 search for +40*****5678 failed: HTTP 500",
                        "Mem0 add for +40*****5678 failed: HTTP 400",
                        "Mem0 forget for +40*****5678 failed: HTTP 500");
        assertThat(output.getAll().lines().filter(line -> line.contains("Mem0")))
                .hasSize(3)
                .noneMatch(line -> line.contains("40712345678")
                        || line.contains("family stay")
                        || line.contains("lake house")
                        || line.contains("our dog")
                        || line.contains("secret-key"));
    }

    private static Mem0Client client(String apiKey, int topK) {
        return client(apiKey, topK, baseUrl(), Duration.ofSeconds(2));
    }

    private static Mem0Client client(String apiKey, int topK, String baseUrl, Duration timeout) {
        return new Mem0Client(new Mem0Properties(apiKey, URI.create(baseUrl), timeout, topK));
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + mem0.port();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static LoggedRequest onlyRequest() {
        assertThat(mem0.getAllServeEvents()).hasSize(1);
        return mem0.getAllServeEvents().getFirst().getRequest();
    }
}
