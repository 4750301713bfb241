package org.holidaydesk.assistant.memory;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;

/** Conversations on a real PostgreSQL server (embedded), where production keeps them. */
class ChatMemoryStoragePostgresTest extends ChatMemoryStorageContract {

    @Override
    DataSource freshDatabase() {
        String name = EmbeddedPostgresServer.createDatabase(
                "chat_" + UUID.randomUUID().toString().replace("-", ""));
        return EmbeddedPostgresServer.get().getDatabase("postgres", name);
    }
}
