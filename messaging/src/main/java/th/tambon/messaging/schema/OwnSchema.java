package th.tambon.messaging.schema;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Migrates the tables of a shared module (the messaging kit, a replica library) into a PostgreSQL schema of the
 * module's own, with its own Flyway history, so its versions never collide with the service's in {@code public}.
 */
public final class OwnSchema {
    private static final Logger LOG = LoggerFactory.getLogger(OwnSchema.class);

    private OwnSchema() {
    }

    /** True for the service's default DataSource, the only one shared modules migrate. */
    public static boolean isDefault(String beanName) {
        return beanName.equals("default") || beanName.equals("primary");
    }

    public static void migrate(DataSource dataSource, String schema, String location) {
        var result = Flyway.configure()
                // The raw pool: a contextual wrapper would look up beans that need this DataSource (a cycle).
                .dataSource(DelegatingDataSource.unwrapDataSource(dataSource))
                .locations(location)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table("schema_history")
                .load()
                .migrate();
        LOG.info("Schema {} at version {} ({} migration(s) applied)", schema, result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
