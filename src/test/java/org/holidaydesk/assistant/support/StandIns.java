package org.holidaydesk.assistant.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The stand-ins of Meta, OpenAI and Mem0 each family of whole-service tests shares: started once per test JVM on
 * first use and kept for the JVM's life, so that their addresses, and with them the family's Spring context, are the
 * same for every test class of the family. Each family is an {@link ApplicationContextInitializer} (its stand-ins'
 * addresses as settings) and a JUnit extension: before each test its stand-ins forget what they were asked and go
 * back to their defaults, so a test sees only its own requests and sets up only the answers it needs.
 */
public final class StandIns {

    private StandIns() {}

    /** {@link ServiceTest}: replies stay in the sandbox outbox; the Cloud API stand-in is there to see nothing. */
    public static final class Sandbox extends CloudApiOnly {
        private static final Started<CloudApiServer> CLOUD_API = new Started<>(CloudApiServer::new);

        /** Where replies would go if the sandbox leaked. */
        public static CloudApiServer cloudApi() {
            return CLOUD_API.get();
        }

        @Override
        CloudApiServer server() {
            return cloudApi();
        }
    }

    /** {@link CloudApiServiceTest}: the offline agent's replies go to a Cloud API stand-in that accepts them. */
    public static final class CloudApi extends CloudApiOnly {
        private static final Started<CloudApiServer> CLOUD_API = new Started<>(CloudApiServer::new);

        public static CloudApiServer cloudApi() {
            return CLOUD_API.get();
        }

        @Override
        CloudApiServer server() {
            return cloudApi();
        }
    }

    /**
     * A family whose only stand-in is a Cloud API server of its own: the sandbox's must not see what another
     * family's context, still running in the same JVM, sends to its stand-in.
     */
    abstract static sealed class CloudApiOnly extends Family permits Sandbox, CloudApi {

        abstract CloudApiServer server();

        @Override
        final Map<String, Object> settings() {
            return Map.of("WHATSAPP_API_BASE_URL", server().baseUrl());
        }

        @Override
        final void reset() {
            server().reset();
        }
    }

    /**
     * {@link ModelServiceTest}: the model, Mem0 and the business's handoff webhook on one stand-in, the Cloud API on
     * another, the property tools reached through a relay a test can cut, the webhook on a port fixed for the JVM.
     */
    public static final class Model extends Family {
        private static final Started<OpenAiStub> MODEL = new Started<>(OpenAiStub::new);
        private static final Started<CloudApiServer> CLOUD_API = new Started<>(CloudApiServer::new);
        private static final Started<TcpProxy> MCP_RELAY = new Started<>(() -> {
            try {
                return new TcpProxy(webhookPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        private static final Lazy<Integer> WEBHOOK_PORT = new Lazy<>(StandIns::freePort);

        /** The model, and Mem0 and the handoff webhook on the same server. */
        public static OpenAiStub model() {
            return MODEL.get();
        }

        public static CloudApiServer cloudApi() {
            return CLOUD_API.get();
        }

        /** The relay the service's MCP client reaches its own property tools through. */
        public static TcpProxy mcpRelay() {
            return MCP_RELAY.get();
        }

        public static int webhookPort() {
            return WEBHOOK_PORT.get();
        }

        @Override
        Map<String, Object> settings() {
            String modelServer = "http://127.0.0.1:" + model().server().port();
            return Map.of(
                    "WEBHOOK_PORT",
                    webhookPort(),
                    "OPENAI_BASE_URL",
                    model().baseUrl(),
                    "MEM0_BASE_URL",
                    modelServer,
                    "HANDOFF_WEBHOOK_URL",
                    modelServer + "/handoff",
                    "WHATSAPP_API_BASE_URL",
                    cloudApi().baseUrl(),
                    "MCP_SERVER_URL",
                    "http://localhost:" + mcpRelay().port() + "/mcp");
        }

        /** Mem0 remembers nothing and takes every memory; the model answers what no test scripted. */
        @Override
        void reset() {
            mcpRelay().restore();
            cloudApi().reset();
            cloudApi()
                    .server()
                    .stubFor(post(urlPathMatching("/v\\d+\\.\\d+/[^/]+/thread_control"))
                            .willReturn(aResponse()
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"messaging_product\":\"whatsapp\",\"request_id\":\"REQ_1\"}")));
            OpenAiStub stub = model();
            stub.reset();
            stub.answerEverythingElse("Noted, thank you.");
            var server = stub.server();
            server.stubFor(post(urlEqualTo("/v3/memories/search/"))
                    .atPriority(10)
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"results\":[]}")));
            server.stubFor(post(urlEqualTo("/v3/memories/add/"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"event_id\":\"evt-1\",\"status\":\"PENDING\"}")));
            server.stubFor(delete(urlPathEqualTo("/v1/memories/"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"message\":\"ok\"}")));
            server.stubFor(post(urlEqualTo("/handoff")).willReturn(aResponse().withBody("ok")));
        }
    }

    /** {@link ProductionServiceTest}: the model and the Cloud API stand-ins, the webhook on a port fixed for the JVM. */
    public static final class Production extends Family {
        private static final Started<OpenAiStub> MODEL = new Started<>(OpenAiStub::new);
        private static final Started<CloudApiServer> CLOUD_API = new Started<>(CloudApiServer::new);
        private static final Lazy<Integer> WEBHOOK_PORT = new Lazy<>(StandIns::freePort);

        public static OpenAiStub model() {
            return MODEL.get();
        }

        public static CloudApiServer cloudApi() {
            return CLOUD_API.get();
        }

        public static int webhookPort() {
            return WEBHOOK_PORT.get();
        }

        @Override
        Map<String, Object> settings() {
            return Map.of(
                    "WEBHOOK_PORT", webhookPort(),
                    "OPENAI_BASE_URL", model().baseUrl(),
                    "WHATSAPP_API_BASE_URL", cloudApi().baseUrl(),
                    "MCP_SERVER_URL", "http://localhost:" + webhookPort() + "/mcp");
        }

        @Override
        void reset() {
            cloudApi().reset();
            model().reset();
        }
    }

    /** What every family does: its settings before the context starts, its reset before each test. */
    abstract static sealed class Family
            implements ApplicationContextInitializer<ConfigurableApplicationContext>, BeforeEachCallback
            permits CloudApiOnly, Model, Production {

        abstract Map<String, Object> settings();

        abstract void reset();

        @Override
        public final void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("stand-ins of " + getClass().getSimpleName(), settings()));
        }

        @Override
        public final void beforeEach(ExtensionContext test) {
            reset();
        }
    }

    /** A value made on first use and kept for the test JVM's life. */
    private static class Lazy<T> {
        private final Supplier<T> make;
        private T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }

    /**
     * A stand-in started on first use and stopped when the test JVM exits, after the cached Spring contexts have
     * closed ({@link TestJvmExit}).
     */
    private static final class Started<T extends AutoCloseable> extends Lazy<T> {

        Started(Supplier<T> start) {
            super(() -> TestJvmExit.closeAfterContexts(start.get()));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
