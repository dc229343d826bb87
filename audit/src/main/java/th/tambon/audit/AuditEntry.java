package th.tambon.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A row of {@code audit.audit_entry}: one accepted command. {@code change} is JSON text. */
@MappedEntity(value = "audit_entry", schema = "audit")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant recordedAt,
        String subject,
        @Nullable String role,
        @Nullable String esa,
        @Nullable String school,
        String command,
        String targetType,
        String targetId,
        @TypeDef(type = DataType.JSON) String change) {
}
