package th.tambon.messaging.schema;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;

import javax.sql.DataSource;

/**
 * Migrates a shared module's tables ({@link OwnSchema}) as soon as the service's default DataSource exists. A module
 * declares its schema and migrations by extending this as a {@code @Singleton}.
 */
public abstract class OwnSchemaMigration implements BeanCreatedEventListener<DataSource> {
    private final String schema;
    private final String location;

    /**
     * @param schema   the module's PostgreSQL schema, e.g. {@code messaging}
     * @param location its Flyway migrations, e.g. {@code classpath:th/tambon/messaging/db}
     */
    protected OwnSchemaMigration(String schema, String location) {
        this.schema = schema;
        this.location = location;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (OwnSchema.isDefault(event.getBeanIdentifier().getName())) {
            OwnSchema.migrate(event.getBean(), schema, location);
        }
        return event.getBean();
    }
}
