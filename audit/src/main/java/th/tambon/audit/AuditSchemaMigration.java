package th.tambon.audit;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import th.tambon.messaging.schema.OwnSchema;

import javax.sql.DataSource;

/** Migrates the audit table into the PostgreSQL schema {@code audit}, with its own Flyway history. */
@Singleton
public class AuditSchemaMigration implements BeanCreatedEventListener<DataSource> {
    static final String SCHEMA = "audit";
    static final String LOCATION = "classpath:th/tambon/audit/db";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (OwnSchema.isDefault(event.getBeanIdentifier().getName())) {
            OwnSchema.migrate(event.getBean(), SCHEMA, LOCATION);
        }
        return event.getBean();
    }
}
