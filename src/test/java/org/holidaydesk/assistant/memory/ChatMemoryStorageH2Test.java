package org.holidaydesk.assistant.memory;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Conversations on the embedded H2 database in PostgreSQL mode, the development default. */
class ChatMemoryStorageH2Test extends ChatMemoryStorageContract {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:chat-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
