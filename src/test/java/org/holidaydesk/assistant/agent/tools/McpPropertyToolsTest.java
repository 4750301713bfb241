package org.holidaydesk.assistant.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.offline.MemoryGuestContexts;
import org.holidaydesk.assistant.agent.offline.OfflineAgent;
import org.holidaydesk.assistant.config.AgentProperties;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The property tools when the MCP server cannot answer: nobody listening, an HTTP error, no answer at
 * all. Each is reported as unavailable (never as the tool refusing the question) within the tool
 * timeout, and the offline agent answers the guest with the fallback reply. The server itself is
 * tested in {@code OfflineAgentConversationTest}.
 */
class McpPropertyToolsTest {

    private static final String CONTACT = "+40 700 000 000";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static McpPropertyTools tools(String url) {
        return new McpPropertyTools(new AgentProperties(url, TIMEOUT, Duration.ofHours(1)), new MockEnvironment());
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/mcp";
        }
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    private void startServer(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mcp", handler);
        server.start();
    }

    @Test
    void nothingConnectsBeforeTheFirstCall() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        startServer(exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });

        McpPropertyTools tools = tools(serverUrl());
        assertThat(requests).hasValue(0);

        catchThrowable(tools::listProperties);
        assertThat(requests.get()).isPositive();
        tools.destroy();
    }

    @Test
    void anUnreachableServerIsUnavailable() throws IOException {
        McpPropertyTools tools = tools(closedPortUrl());

        Throwable thrown = catchThrowable(tools::listProperties);

        assertThat(thrown).isInstanceOf(ToolsUnavailableException.class).hasMessageContaining("Cannot connect");
        tools.destroy();
    }

    @Test
    void anUnreachableServerGivesTheGuestTheFallbackReply() throws IOException {
        OfflineAgent agent = new OfflineAgent(
                tools(closedPortUrl()),
                new MemoryGuestContexts(),
                new ServiceProperties(AppEnvironment.DEVELOPMENT, CONTACT, null));

        AgentReply english = agent.answer(turn("I need accommodation from June 15 to June 20 for 2 people"));
        AgentReply romanian = agent.answer(turn("Caut cazare între 15 și 20 iunie pentru 2 persoane"));

        assertThat(english).isEqualTo(FallbackReplies.unavailable(LanguageGuess.ENGLISH, CONTACT));
        assertThat(romanian).isEqualTo(FallbackReplies.unavailable(LanguageGuess.ROMANIAN, CONTACT));
    }

    @Test
    void anHttpErrorIsUnavailableNotARefusal() throws IOException {
        startServer(exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        McpPropertyTools tools = tools(serverUrl());

        assertThat(catchThrowable(tools::listProperties)).isInstanceOf(ToolsUnavailableException.class);
        tools.destroy();
    }

    @Test
    void aServerThatNeverAnswersIsUnavailableWithinTheTimeout() throws IOException {
        startServer(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        McpPropertyTools tools = tools(serverUrl());
        Instant start = Instant.now();

        Throwable thrown = catchThrowable(
                () -> tools.search(LocalDate.now().plusDays(10), LocalDate.now().plusDays(12), 2, null));

        assertThat(thrown).isInstanceOf(ToolsUnavailableException.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        tools.destroy();
    }

    private static GuestTurn turn(String text) {
        return new GuestTurn(
                "guest",
                null,
                null,
                List.of(new TurnMessage("wamid.1", MessageKind.TEXT, text, Instant.now())),
                LocalDate.of(2026, 11, 25));
    }
}
