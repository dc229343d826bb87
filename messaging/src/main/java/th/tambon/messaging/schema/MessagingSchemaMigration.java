package th.tambon.messaging.schema;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Migrates the kit's tables (outbox, inbox) as soon as the service's default DataSource exists. They live in a
 * PostgreSQL schema of their own, {@code messaging}, with its own Flyway history: the kit's versions and the
 * service's versions (in {@code public}) evolve independently and never collide.
 */
@Singleton
public class MessagingSchemaMigration implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingSchemaMigration.class);
    static final String LOCATION = "classpath:th/tambon/messaging/db";
    static final String SCHEMA = "messaging";
    static final String HISTORY_TABLE = "schema_history";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanIdentifier().getName();
        if (name.equals("default") || name.equals("primary")) {
            var result = Flyway.configure()
                    // The raw pool: a contextual wrapper would look up beans that need this DataSource (a cycle).
                    .dataSource(DelegatingDataSource.unwrapDataSource(event.getBean()))
                    .locations(LOCATION)
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .createSchemas(true)
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
            LOG.info("Messaging schema at version {} ({} migration(s) applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return event.getBean();
    }
}
