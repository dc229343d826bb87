package th.tambon.messaging.schema;

import jakarta.inject.Singleton;

/**
 * Migrates the kit's tables (outbox, inbox) as soon as the service's default DataSource exists. They live in a
 * PostgreSQL schema of their own, {@code messaging}, with its own Flyway history: the kit's versions and the
 * service's versions (in {@code public}) evolve independently and never collide.
 */
@Singleton
public class MessagingSchemaMigration extends OwnSchemaMigration {
    public MessagingSchemaMigration() {
        super("messaging", "classpath:th/tambon/messaging/db");
    }
}
