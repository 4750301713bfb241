package org.holidaydesk.assistant.ops;

import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where the service listens once it is ready. Never prints a configured secret; in development
 * it prints the generated app secret and the verify token so that local tools can sign and verify.
 */
@Component
class StartupBanner {

    private static final String DEVELOPMENT_VERIFY_TOKEN = "dev-verify-token";
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final ServiceProperties service;
    private final WhatsAppProperties whatsApp;
    private final Environment environment;

    StartupBanner(ServiceProperties service, WhatsAppProperties whatsApp, Environment environment) {
        this.service = service;
        this.whatsApp = whatsApp;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        LOG.info(render(
                environment.getProperty("local.server.port", "3001"),
                environment.getProperty(
                        "local.management.port", environment.getProperty("management.server.port", "9090"))));
    }

    String render(String port, String managementPort) {
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder("\n")
                .append("  ")
                .append(PublicEndpoints.SERVICE_NAME)
                .append(" is up (")
                .append(service.environment().label())
                .append(")\n")
                .append("  Webhook URL:  ")
                .append(base)
                .append("/webhooks/whatsapp\n")
                .append("  Health:       ")
                .append(base)
                .append("/health\n")
                .append("  Info:         ")
                .append(base)
                .append("/\n")
                .append("  MCP tools:    ")
                .append(base)
                .append("/mcp\n")
                .append("  Operators:    http://localhost:")
                .append(managementPort)
                .append("/actuator/health\n");
        text.append("  Cloud API:    ")
                .append(
                        whatsApp.hasAccessToken()
                                ? "sending with the configured access token"
                                : "no WHATSAPP_ACCESS_TOKEN: replies stay in the local sandbox outbox")
                .append('\n');
        if (!service.production()) {
            text.append("  Simulator:    ").append(base).append("/simulator  (chat as a guest)\n");
            if (DEVELOPMENT_VERIFY_TOKEN.equals(whatsApp.verifyToken())) {
                text.append("  Verify token: ").append(DEVELOPMENT_VERIFY_TOKEN).append("  (development default)\n");
            }
            if (whatsApp.appSecretGenerated()) {
                text.append("  App secret:   ")
                        .append(whatsApp.appSecret())
                        .append("  (generated for this run; set WHATSAPP_APP_SECRET to keep one)\n");
            }
        }
        return text.toString();
    }
}
