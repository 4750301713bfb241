package org.holidaydesk.assistant.ops;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Whether the database answers right now; the public {@code /health} and readiness rest on it. */
@Component
public class DatabaseHealth {

    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
