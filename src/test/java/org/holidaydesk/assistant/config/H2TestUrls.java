package org.holidaydesk.assistant.config;

/**
 * H2 URLs for tests that open a database themselves, completed as the service completes {@code DATABASE_URL}
 * ({@link H2DatabaseUrl}), so that no test writes the settings the service's SQL needs.
 */
public final class H2TestUrls {

    private H2TestUrls() {}

    /** The URL with the settings the service's SQL needs that it lacks. */
    public static String completed(String url) {
        return H2DatabaseUrl.parse(url).completed();
    }

    /** A private in-memory database that lives while the JVM does. */
    public static String inMemory(String name) {
        return completed("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }
}
