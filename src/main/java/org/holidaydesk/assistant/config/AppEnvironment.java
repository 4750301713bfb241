package org.holidaydesk.assistant.config;

import java.util.Locale;

/** Where the service runs: {@code APP_ENV}. Production demands every secret; development fills in safe defaults. */
public enum AppEnvironment {
    DEVELOPMENT,
    PRODUCTION;

    public static AppEnvironment parse(String value) {
        if (value == null || value.isBlank()) {
            return DEVELOPMENT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "development", "dev" -> DEVELOPMENT;
            case "production", "prod" -> PRODUCTION;
            default ->
                throw new IllegalArgumentException(
                        "APP_ENV must be 'development' or 'production', not '" + value + "'");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
