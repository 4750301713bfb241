package org.holidaydesk.assistant.config;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares the environment before any bean exists: refuses to start in production without its secrets
 * (naming every missing variable at once) and, in development, generates an app secret so local tools can
 * sign. A {@code .env} file is already part of the environment by then: {@code application.yml} imports it
 * ({@code spring.config.import}), below the real environment variables.
 */
public class StartupEnvironment implements EnvironmentPostProcessor, Ordered {

    /** Variables that production cannot run without. */
    static final List<String> PRODUCTION_REQUIRED = List.of(
            "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN",
            "WHATSAPP_PHONE_NUMBER_ID", "OPERATOR_TOKEN");

    static final String WEBHOOK_ENABLED = "assistant.webhook.enabled";

    @Override
    public int getOrder() {
        // after application.yml and the .env it imports are loaded
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = new ArrayList<>();
        AppEnvironment appEnv = AppEnvironment.DEVELOPMENT;
        try {
            appEnv = AppEnvironment.parse(environment.getProperty("APP_ENV"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        // the standalone property MCP server (profile property-mcp) has no webhook and sends nothing
        boolean webhook = environment.getProperty(WEBHOOK_ENABLED, Boolean.class, true);
        if (appEnv == AppEnvironment.PRODUCTION && webhook) {
            List<String> missing = PRODUCTION_REQUIRED.stream().filter(name -> isBlank(environment, name)).toList();
            if (!missing.isEmpty()) {
                problems.add("APP_ENV=production needs these variables, which are not set: " + String.join(", ", missing));
            }
        }
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank() && !databaseUrl.startsWith("jdbc:")) {
            problems.add("DATABASE_URL must be a JDBC URL such as jdbc:postgresql://host:5432/db");
        }
        if (databaseUrl != null && databaseUrl.startsWith("jdbc:h2:file:") && !databaseUrl.contains("WRITE_DELAY=0")) {
            problems.add("DATABASE_URL points at an H2 file without ;WRITE_DELAY=0, so a crash could lose callbacks "
                    + "Meta was told were stored: add ;WRITE_DELAY=0");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationProblemException(problems);
        }
        if (appEnv == AppEnvironment.DEVELOPMENT && isBlank(environment, "WHATSAPP_APP_SECRET")) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            environment.getPropertySources().addLast(new MapPropertySource("generatedDevelopmentSecrets", Map.of(
                    "WHATSAPP_APP_SECRET", HexFormat.of().formatHex(random),
                    "assistant.whatsapp.app-secret-generated", "true")));
        }
    }

    private static boolean isBlank(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank();
    }
}
