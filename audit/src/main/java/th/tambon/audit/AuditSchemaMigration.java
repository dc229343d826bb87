package th.tambon.audit;

import jakarta.inject.Singleton;
import th.tambon.messaging.schema.OwnSchemaMigration;

/** Migrates the audit table into the PostgreSQL schema {@code audit}, with its own Flyway history. */
@Singleton
public class AuditSchemaMigration extends OwnSchemaMigration {
    public AuditSchemaMigration() {
        super("audit", "classpath:th/tambon/audit/db");
    }
}
