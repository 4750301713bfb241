package org.holidaydesk.assistant.reply;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.support.EmbeddedPostgresServer;

/** The send rate's budget on a real PostgreSQL server (embedded), the production database. */
class SendRateStoragePostgresTest extends SendRateStorageContract {

    @Override
    DataSource freshDatabase() {
        String name = EmbeddedPostgresServer.createDatabase(
                "send_rate_" + UUID.randomUUID().toString().replace("-", ""));
        return EmbeddedPostgresServer.get().getDatabase("postgres", name);
    }
}
