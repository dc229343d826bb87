package th.tambon.replica.schools;

import jakarta.inject.Singleton;
import th.tambon.messaging.schema.OwnSchemaMigration;

/** The replica's tables live in schema {@code schools_replica}, migrated by this module whatever service includes it. */
@Singleton
public class SchoolsReplicaSchema extends OwnSchemaMigration {
    public SchoolsReplicaSchema() {
        super("schools_replica", "classpath:th/tambon/replica/schools/db");
    }
}
