package org.holidaydesk.assistant.config;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares the environment before logging starts and before any bean exists: production logs one JSON
 * object per line ({@code logging.structured.format.console=ecs}, unless that is set otherwise), and
 * development without an app secret generates one so local tools can sign, and an H2 database URL gets the
 * settings the service's SQL needs when it lacks them ({@link H2DatabaseUrl}; Flyway and the pool both read
 * the completed URL). Whether the configuration can
 * run at all is checked right after logging starts ({@link ConfigurationCheck}), so that the refusal is
 * written in the production log format. A {@code .env} file is already part of the environment by then:
 * {@code application.yml} imports it ({@code spring.config.import}), below the real environment variables.
 */
public class StartupEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The credential of /mcp, which both the whole service and the MCP server on its own serve on the public port. */
    static final String MCP_AUTH_TOKEN = "MCP_AUTH_TOKEN";
    /** Variables that production cannot run without. */
    static final List<String> PRODUCTION_REQUIRED = List.of(
            "WHATSAPP_VERIFY_TOKEN",
            "WHATSAPP_APP_SECRET",
            "WHATSAPP_ACCESS_TOKEN",
            "WHATSAPP_PHONE_NUMBER_ID",
            "OPERATOR_TOKEN",
            MCP_AUTH_TOKEN);

    static final String WEBHOOK_ENABLED = "assistant.webhook.enabled";
    static final String CONSOLE_FORMAT = "logging.structured.format.console";
    static final String PRODUCTION_CONSOLE_FORMAT = "ecs";
    /** Where the pool and Flyway read the database URL; application.yml fills it from DATABASE_URL. */
    static final String DATASOURCE_URL = "spring.datasource.url";

    static final String FLYWAY_URL = "spring.flyway.url";
    static final String H2_SETTINGS_SOURCE = "h2DatabaseSettings";

    /** Written once logging has started (Spring Boot replays it then). */
    private final Log log;

    public StartupEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(StartupEnvironment.class);
    }

    StartupEnvironment() {
        this(Supplier::get);
    }

    @Override
    public int getOrder() {
        // after application.yml and the .env it imports are loaded
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        AppEnvironment appEnv;
        try {
            appEnv = AppEnvironment.parse(environment.getProperty("APP_ENV"));
        } catch (IllegalArgumentException unknown) {
            return; // ConfigurationCheck refuses to start, naming it
        }
        if (appEnv == AppEnvironment.PRODUCTION && !environment.containsProperty(CONSOLE_FORMAT)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "productionLogFormat", Map.of(CONSOLE_FORMAT, PRODUCTION_CONSOLE_FORMAT)));
        }
        if (appEnv == AppEnvironment.DEVELOPMENT && isBlank(environment, "WHATSAPP_APP_SECRET")) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "generatedDevelopmentSecrets",
                            Map.of(
                                    "WHATSAPP_APP_SECRET",
                                    HexFormat.of().formatHex(random),
                                    "assistant.whatsapp.app-secret-generated",
                                    "true")));
        }
        completeH2Urls(environment);
    }

    /**
     * Appends to an H2 URL the settings the service's SQL needs that it does not set (its own settings are
     * kept as written), and says once which; a URL setting one of them otherwise is left as it is, for
     * {@link #problems} to refuse. The URL itself is never logged: it may carry a password.
     */
    private void completeH2Urls(ConfigurableEnvironment environment) {
        Map<String, Object> completed = new java.util.LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        for (String key : List.of(DATASOURCE_URL, FLYWAY_URL)) {
            String url = urlOrNull(environment, key);
            if (!H2DatabaseUrl.isH2(url)) {
                continue;
            }
            H2DatabaseUrl h2 = H2DatabaseUrl.parse(url);
            if (h2.conflicts().isEmpty() && !h2.missing().isEmpty()) {
                completed.put(key, h2.completed());
                h2.missing().stream()
                        .filter(setting -> !added.contains(setting))
                        .forEach(added::add);
            }
        }
        if (!completed.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(H2_SETTINGS_SOURCE, completed));
            log.info("DATABASE_URL names an H2 database without settings the service's SQL needs; added "
                    + String.join(";", added));
        }
    }

    private static String urlOrNull(Environment environment, String key) {
        try {
            return environment.getProperty(key);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    /** Everything that keeps this configuration from running, each naming the variable to fix; empty when it can run. */
    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        AppEnvironment appEnv = AppEnvironment.DEVELOPMENT;
        try {
            appEnv = AppEnvironment.parse(environment.getProperty("APP_ENV"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        // the standalone property MCP server (profile property-mcp) has no webhook and sends nothing: it needs only
        // the credential of its /mcp
        boolean webhook = environment.getProperty(WEBHOOK_ENABLED, Boolean.class, true);
        if (appEnv == AppEnvironment.PRODUCTION) {
            List<String> required = webhook ? PRODUCTION_REQUIRED : List.of(MCP_AUTH_TOKEN);
            List<String> missing =
                    required.stream().filter(name -> isBlank(environment, name)).toList();
            if (!missing.isEmpty()) {
                problems.add(
                        "APP_ENV=production needs these variables, which are not set: " + String.join(", ", missing));
            }
        }
        String databaseUrl = urlOrNull(environment, DATASOURCE_URL);
        if (databaseUrl == null) {
            databaseUrl = environment.getProperty("DATABASE_URL");
        }
        if (databaseUrl != null && !databaseUrl.isBlank() && !databaseUrl.startsWith("jdbc:")) {
            problems.add("DATABASE_URL must be a JDBC URL such as jdbc:postgresql://host:5432/db");
        }
        if (H2DatabaseUrl.isH2(databaseUrl)) {
            H2DatabaseUrl h2 = H2DatabaseUrl.parse(databaseUrl);
            problems.addAll(h2.conflicts());
            if (h2.embeddedFile() && !h2.setting("WRITE_DELAY").map("0"::equals).orElse(false)) {
                problems.add(
                        "DATABASE_URL points at an H2 file without ;WRITE_DELAY=0, so a crash could lose callbacks "
                                + "Meta was told were stored: add ;WRITE_DELAY=0");
            }
        }
        return problems;
    }

    private static boolean isBlank(Environment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank();
    }
}
