package org.holidaydesk.assistant.agent.offline;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Guest contexts on the embedded H2 database in PostgreSQL mode, the development default. */
class GuestContextStorageH2Test extends GuestContextStorageContract {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource(H2TestUrls.inMemory("context-" + UUID.randomUUID()));
    }
}
