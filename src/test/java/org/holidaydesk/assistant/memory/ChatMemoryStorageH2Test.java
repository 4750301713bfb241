package org.holidaydesk.assistant.memory;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Conversations on the embedded H2 database in PostgreSQL mode, the development default. */
class ChatMemoryStorageH2Test extends ChatMemoryStorageContract {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource(H2TestUrls.inMemory("chat-" + UUID.randomUUID()));
    }
}
