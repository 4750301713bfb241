package org.holidaydesk.assistant.agent.turn;

import java.util.UUID;
import javax.sql.DataSource;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Turn traces on the embedded H2 database in PostgreSQL mode, the development default. */
class TurnTraceStorageH2Test extends TurnTraceStorageContract {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource(H2TestUrls.inMemory("trace-" + UUID.randomUUID()));
    }
}
