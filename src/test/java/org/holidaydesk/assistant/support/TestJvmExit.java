package org.holidaydesk.assistant.support;

import org.springframework.boot.SpringApplication;

/**
 * What the test JVM stops when it exits, in order: first the Spring contexts the test framework has cached
 * (each closing gracefully: Camel finishes the exchanges in flight, a poll of the database or a send to a
 * stand-in), then the stand-ins and the embedded PostgreSQL those exchanges use. Separate JVM shutdown hooks
 * would run all at once, and a context closing after its database or stand-in stopped would wait out its
 * exchanges' timeouts. (The contexts closing one after another take a second or so each; most of the half
 * minute that once outlasted Surefire's wait was Camel's queues' one-second polls, application.yml.)
 */
final class TestJvmExit {

    private TestJvmExit() {}

    /** Closes {@code resource} when the JVM exits, after Spring Boot has closed every application context. */
    static <T extends AutoCloseable> T closeAfterContexts(T resource) {
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
        });
        return resource;
    }
}
