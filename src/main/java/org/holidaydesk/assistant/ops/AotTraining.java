package org.holidaydesk.assistant.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.webhook.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run of the image's AOT cache (Dockerfile, {@code -XX:AOTCacheOutput}): started with
 * {@code assistant.aot-training.callbacks=N}, the service posts N signed guest questions from distinct guests
 * to its own webhook once it is ready, lets the whole pipeline answer them (to the sandbox outbox: the run has
 * no access token), asks its health once, and exits. The cache then holds the classes, linked, and the method
 * profiles of startup and of the callback's whole path, not only of the context's refresh. Without the setting
 * it does nothing; it is a bean either way, the beans being fixed when the build processes them ahead of time.
 */
@Component
class AotTraining {

    private static final Logger LOG = LoggerFactory.getLogger(AotTraining.class);
    private static final Duration PIPELINE_LIMIT = Duration.ofSeconds(60);
    /** The route that takes each delivery to the sandbox outbox (simulator.camel.yaml). */
    private static final String SANDBOX_ROUTE = "simulator-delivery-statuses";

    private final int callbacks;
    private final SignatureVerifier signatures;
    private final MeterRegistry meters;

    AotTraining(
            @Value("${assistant.aot-training.callbacks:0}") int callbacks,
            WhatsAppProperties whatsApp,
            MeterRegistry meters) {
        this.callbacks = callbacks;
        this.signatures = new SignatureVerifier(whatsApp.appSecret());
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void train(ApplicationReadyEvent ready) {
        if (callbacks <= 0) {
            return;
        }
        ConfigurableApplicationContext context = ready.getApplicationContext();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Thread.ofPlatform().name("aot-training").start(() -> {
            int code = 0;
            try {
                run("http://127.0.0.1:" + port);
            } catch (Exception | AssertionError e) {
                LOG.error("The AOT training run failed: {}", e.toString());
                code = 1;
            }
            System.exit(code == 0 ? SpringApplication.exit(context) : code);
        });
    }

    private void run(String base) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int n = 0; n < callbacks; n++) {
                byte[] body = callback(n);
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", signatures.headerFor(body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the webhook answered " + response.statusCode());
                }
            }
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        // the pipeline has answered once every message is recorded, as many replies have reached the sandbox
        // (whose delivery statuses the simulator plays) and none has for 2 s
        long deadline = System.nanoTime() + PIPELINE_LIMIT.toNanos();
        double sends = -1;
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            double received = sum("whatsapp.messages.received", null);
            double now = sum("camel.exchanges", SANDBOX_ROUTE);
            quiet = received >= callbacks && now >= callbacks && now == sends ? quiet + 1 : 0;
            if (quiet == 2) {
                LOG.info("AOT training: {} callbacks answered ({} sandbox deliveries)", callbacks, (long) now);
                return;
            }
            sends = now;
        }
        LOG.warn("AOT training: the pipeline was still busy after {}", PIPELINE_LIMIT);
    }

    private double sum(String meter, String routeId) {
        var search = routeId == null ? meters.find(meter) : meters.find(meter).tag("routeId", routeId);
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** A guest's question as Meta delivers it: its own message id and sender, so that each gets its own answer. */
    private static byte[] callback(int n) {
        String sender = "4075" + String.format("%07d", n);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                        + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Guest " + n
                        + "\"},"
                        + "\"wa_id\":\"" + sender + "\"}],\"messages\":[{\"from\":\"" + sender
                        + "\",\"id\":\"wamid.training" + n + "\","
                        + "\"timestamp\":\"1795536007\",\"type\":\"text\",\"text\":{\"body\":\"Is Casa Pescarului free from "
                        + "June 15 to June 20 for 2 people?\"}}]},\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
