package th.tambon.messaging.schema;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Migrates the kit's tables (outbox, inbox) as soon as the service's default DataSource exists, with a history table
 * of its own: the kit's versions and the service's versions evolve independently and never collide.
 */
@Singleton
public class MessagingSchemaMigration implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingSchemaMigration.class);
    static final String LOCATION = "classpath:th/tambon/messaging/db";
    static final String HISTORY_TABLE = "messaging_schema_history";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanIdentifier().getName();
        if (name.equals("default") || name.equals("primary")) {
            var result = Flyway.configure()
                    .dataSource(event.getBean())
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("Messaging schema at version {} ({} migration(s) applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return event.getBean();
    }
}
