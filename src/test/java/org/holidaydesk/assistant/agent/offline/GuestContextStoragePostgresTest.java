package org.holidaydesk.assistant.agent.offline;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;

/** Guest contexts on a real PostgreSQL server (embedded), where production keeps them. */
class GuestContextStoragePostgresTest extends GuestContextStorageContract {

    @Override
    DataSource freshDatabase() {
        String name = EmbeddedPostgresServer.createDatabase(
                "context_" + UUID.randomUUID().toString().replace("-", ""));
        return EmbeddedPostgresServer.get().getDatabase("postgres", name);
    }
}
