package org.holidaydesk.assistant.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The answers of {@code GET /health} and {@code GET /} on the public port. */
@Component("publicEndpoints")
public class PublicEndpoints {

    public static final String SERVICE_NAME = "WhatsApp Webhook for Availability Agent";

    private final DatabaseHealth database;
    private final PipelineStages pipeline;
    private final ServiceProperties service;
    private final String version;
    private final Clock clock;

    public PublicEndpoints(
            DatabaseHealth database,
            PipelineStages pipeline,
            ServiceProperties service,
            ObjectProvider<BuildProperties> build) {
        this.database = database;
        this.pipeline = pipeline;
        this.service = service;
        BuildProperties info = build.getIfAvailable();
        this.version = info != null ? info.getVersion() : "development";
        this.clock = Clock.systemUTC();
    }

    /**
     * Health as CONTRACT words it; sets 503 when the database cannot be reached, or while a stage of the
     * pipeline keeps failing (callbacks would be taken and never answered), naming the stages.
     */
    public Map<String, Object> health(Exchange exchange) {
        boolean reachable = database.reachable();
        List<String> failing =
                pipeline.failing().stream().map(PipelineStages.Failing::stage).toList();
        boolean healthy = reachable && failing.isEmpty();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, healthy ? 200 : 503);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("timestamp", Instant.now(clock).toString());
        body.put("service", SERVICE_NAME);
        body.put("environment", service.environment().label());
        if (!reachable) {
            body.put("database", "unreachable");
        }
        if (!failing.isEmpty()) {
            body.put("pipeline", "failing");
            body.put("failingStages", failing);
        }
        return body;
    }

    /** Service name, version and where each endpoint lives, on the address the caller used. */
    public Map<String, Object> info(@Header("Host") String host, @Header("X-Forwarded-Proto") String forwardedProto) {
        String baseUrl =
                (forwardedProto == null ? "http" : forwardedProto) + "://" + (host == null ? "localhost" : host);
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put("webhook", baseUrl + "/webhooks/whatsapp");
        endpoints.put("health", baseUrl + "/health");
        endpoints.put("mcp", baseUrl + "/mcp");
        if (!service.production()) {
            endpoints.put("simulator", baseUrl + "/simulator");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", SERVICE_NAME);
        body.put("version", version);
        body.put("environment", service.environment().label());
        body.put("endpoints", endpoints);
        return body;
    }
}
