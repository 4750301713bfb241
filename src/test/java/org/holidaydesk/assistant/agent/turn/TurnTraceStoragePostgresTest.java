package org.holidaydesk.assistant.agent.turn;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;

/** Turn traces on a real PostgreSQL server (embedded), the production database. */
class TurnTraceStoragePostgresTest extends TurnTraceStorageContract {

    @Override
    DataSource freshDatabase() {
        String name = EmbeddedPostgresServer.createDatabase(
                "trace_" + UUID.randomUUID().toString().replace("-", ""));
        return EmbeddedPostgresServer.get().getDatabase("postgres", name);
    }
}
