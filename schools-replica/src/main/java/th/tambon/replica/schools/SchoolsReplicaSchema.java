package th.tambon.replica.schools;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import th.tambon.messaging.schema.OwnSchema;

import javax.sql.DataSource;

/** The replica's tables live in schema {@code schools_replica}, migrated by this module whatever service includes it. */
@Singleton
public class SchoolsReplicaSchema implements BeanCreatedEventListener<DataSource> {
    static final String SCHEMA = "schools_replica";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (OwnSchema.isDefault(event.getBeanIdentifier().getName())) {
            OwnSchema.migrate(event.getBean(), SCHEMA, "classpath:th/tambon/replica/schools/db");
        }
        return event.getBean();
    }
}
