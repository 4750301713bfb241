package org.holidaydesk.assistant.property;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;

/** The catalog storage on a real PostgreSQL server (embedded), where production keeps it. */
class PropertyStoragePostgresTest extends PropertyStorageContract {

    @Override
    DataSource freshDatabase() {
        String name = EmbeddedPostgresServer.createDatabase(
                "catalog_" + UUID.randomUUID().toString().replace("-", ""));
        return EmbeddedPostgresServer.get().getDatabase("postgres", name);
    }
}
