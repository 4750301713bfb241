package org.holidaydesk.assistant.config;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An H2 file first opened without {@code DATABASE_TO_LOWER=TRUE} keeps its names in upper case, and H2 cannot
 * open it with that setting, which the service adds to every H2 URL ({@link H2DatabaseUrl}): such a file
 * fails at the first connection with H2's "Schema "PUBLIC" not found". Such a file typically comes from an
 * earlier version that took the URL as it was, and on which no guest message could be recorded; this says so,
 * and what to do, instead of the stack trace.
 */
class H2NamesFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's SCHEMA_NOT_FOUND_1. */
    private static final int SCHEMA_NOT_FOUND = 90079;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != SCHEMA_NOT_FOUND
                || cause.getMessage() == null
                || !cause.getMessage().contains("\"PUBLIC\"")) {
            return null;
        }
        String description = "The H2 database DATABASE_URL names was created without DATABASE_TO_LOWER=TRUE (its names"
                + " are in upper case), and H2 cannot open it with that setting, which the service's SQL needs and adds"
                + " to every H2 URL. If an earlier version of the service ran on it as it was, it could record no guest"
                + " message there: the callbacks stored in it were never answered.";
        String action = "Point DATABASE_URL at a new H2 file (another path, keeping ;WRITE_DELAY=0), or at PostgreSQL;"
                + " the service creates its tables there at startup.";
        return new FailureAnalysis(description, action, cause);
    }
}
