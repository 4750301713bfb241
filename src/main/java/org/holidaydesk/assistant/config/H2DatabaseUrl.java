package org.holidaydesk.assistant.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An H2 JDBC URL and what it must say for the service's SQL, written for PostgreSQL ({@code ON CONFLICT},
 * lower-case names, PostgreSQL's order of nulls), to run on it. A URL lacking some of those settings is
 * completed by appending them, the user's own settings kept as written; a URL setting one of them to
 * another value cannot run the service, and {@link #conflicts()} says which and what it needs.
 *
 * <p>Settings are read as H2 reads them: after the first {@code ;}, separated by {@code ;} ({@code \;} is
 * a semicolon inside a value, as in {@code INIT}), keys in any case.
 */
final class H2DatabaseUrl {

    static final String PREFIX = "jdbc:h2:";

    /** What the service's SQL needs, in the order they are appended. */
    static final Map<String, String> REQUIRED = requiredSettings();

    private static final Set<String> TRUE_VALUES = Set.of("TRUE", "1", "T", "Y", "YES");

    private final String url;
    /** The URL's settings, keys upper case; the last one wins where a key repeats (H2 refuses it anyway). */
    private final Map<String, String> settings;

    private H2DatabaseUrl(String url, Map<String, String> settings) {
        this.url = url;
        this.settings = settings;
    }

    static boolean isH2(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** Reads an H2 URL ({@link #isH2} must hold). */
    static H2DatabaseUrl parse(String url) {
        if (!isH2(url)) {
            throw new IllegalArgumentException("not an H2 URL");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        int start = url.indexOf(';');
        if (start >= 0) {
            for (String setting : split(url.substring(start + 1))) {
                int equals = setting.indexOf('=');
                if (equals > 0) {
                    settings.put(
                            setting.substring(0, equals).strip().toUpperCase(Locale.ROOT),
                            setting.substring(equals + 1).strip());
                }
            }
        }
        return new H2DatabaseUrl(url, settings);
    }

    Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key.toUpperCase(Locale.ROOT)));
    }

    /** A database in files this process opens itself, as opposed to one in memory or on an H2 server. */
    boolean embeddedFile() {
        String location = url.substring(PREFIX.length());
        return !(location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:"));
    }

    /** The required settings the URL does not set at all, as {@code KEY=VALUE}. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((key, value) -> {
            if (!settings.containsKey(key)) {
                missing.add(key + "=" + value);
            }
        });
        return missing;
    }

    /** The URL with the missing required settings appended; the URL itself when none is missing. */
    String completed() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return url;
        }
        String separator = url.endsWith(";") ? "" : ";";
        return url + separator + String.join(";", missing);
    }

    /** Settings of the URL the service cannot run with, each naming the setting and the value it needs. */
    List<String> conflicts() {
        List<String> conflicts = new ArrayList<>();
        setting("MODE")
                .filter(mode -> !mode.equalsIgnoreCase("PostgreSQL"))
                .ifPresent(mode -> conflicts.add("DATABASE_URL sets MODE=" + mode
                        + ", but the service's SQL needs MODE=PostgreSQL: set MODE=PostgreSQL"
                        + " (or leave MODE out and the service adds it)"));
        setting("DATABASE_TO_LOWER")
                .filter(lower -> !isTrue(lower))
                .ifPresent(lower -> conflicts.add("DATABASE_URL sets DATABASE_TO_LOWER=" + lower
                        + ", but the service needs DATABASE_TO_LOWER=TRUE:"
                        + " set DATABASE_TO_LOWER=TRUE (or leave it out and the service adds it)"));
        setting("DATABASE_TO_UPPER")
                .filter(H2DatabaseUrl::isTrue)
                .ifPresent(upper -> conflicts.add("DATABASE_URL sets DATABASE_TO_UPPER=" + upper
                        + ", but the service needs DATABASE_TO_LOWER=TRUE,"
                        + " which H2 does not take with it: remove DATABASE_TO_UPPER"));
        setting("DEFAULT_NULL_ORDERING")
                .filter(order -> !order.equalsIgnoreCase("HIGH"))
                .ifPresent(
                        order -> conflicts.add(
                                "DATABASE_URL sets DEFAULT_NULL_ORDERING=" + order
                                        + ", but the service needs DEFAULT_NULL_ORDERING=HIGH"
                                        + " (PostgreSQL's order): set DEFAULT_NULL_ORDERING=HIGH (or leave it out and the service adds it)"));
        return conflicts;
    }

    private static boolean isTrue(String value) {
        return TRUE_VALUES.contains(value.toUpperCase(Locale.ROOT));
    }

    /** Splits on {@code ;} as H2 does: a backslash takes the next character as it is. */
    private static List<String> split(String settings) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < settings.length(); i++) {
            char c = settings.charAt(i);
            if (c == ';') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '\\' && i < settings.length() - 1) {
                part.append(settings.charAt(++i));
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static Map<String, String> requiredSettings() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("MODE", "PostgreSQL");
        required.put("DATABASE_TO_LOWER", "TRUE");
        required.put("DEFAULT_NULL_ORDERING", "HIGH");
        return java.util.Collections.unmodifiableMap(required);
    }
}
