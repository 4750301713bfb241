package org.holidaydesk.assistant.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for the whole test run, started on first use and stopped with the JVM, after the
 * cached Spring contexts using it have closed ({@link TestJvmExit}).
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            TestJvmExit.closeAfterContexts(server);
        }
        return server;
    }

    /** A fresh database on the server, so that test classes do not see each other's rows. */
    public static String createDatabase(String name) {
        try (var connection = get().getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    public static String jdbcUrl(String database, int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }
}
