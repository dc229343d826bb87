package th.tambon.messaging.schema;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Migrates the kit's tables (outbox, inbox) as soon as the service's default DataSource exists. They live in a
 * PostgreSQL schema of their own, {@code messaging}, with its own Flyway history: the kit's versions and the
 * service's versions (in {@code public}) evolve independently and never collide.
 */
@Singleton
public class MessagingSchemaMigration implements BeanCreatedEventListener<DataSource> {
    static final String SCHEMA = "messaging";
    static final String LOCATION = "classpath:th/tambon/messaging/db";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (OwnSchema.isDefault(event.getBeanIdentifier().getName())) {
            OwnSchema.migrate(event.getBean(), SCHEMA, LOCATION);
        }
        return event.getBean();
    }
}
