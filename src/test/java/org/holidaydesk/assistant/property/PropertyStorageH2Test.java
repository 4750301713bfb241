package org.holidaydesk.assistant.property;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.holidaydesk.assistant.config.H2TestUrls;

/** The catalog storage on the embedded H2 database, in the PostgreSQL mode the service uses. */
class PropertyStorageH2Test extends PropertyStorageContract {

    @Override
    DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2TestUrls.inMemory("storage-" + UUID.randomUUID()));
        return dataSource;
    }
}
