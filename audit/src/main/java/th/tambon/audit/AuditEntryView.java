package th.tambon.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One accepted command as the audit API shows it. */
@Serdeable
@Schema(name = "AuditEntry", description = "An accepted command: who, when, what, on which object, with what change")
public record AuditEntryView(
        @Schema(example = "42") long id,
        @Schema(example = "2026-11-24T03:15:00Z") Instant recordedAt,
        @Schema(description = "the token's sub", example = "officer-P31-4") String subject,
        @Schema(description = "the token's role", example = "ESA_OFFICER") @Nullable String role,
        @Schema(description = "the token's esa claim", example = "P31-4") @Nullable String esa,
        @Schema(description = "the token's school claim", example = "31040001") @Nullable String school,
        @Schema(example = "RegisterSchool") String command,
        @Schema(example = "school") String targetType,
        @Schema(example = "31040001") String targetId,
        @Schema(type = "object", implementation = Object.class,
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                description = "the change as announced (the event's data)",
                example = "{\"code\":\"31040001\",\"esa\":\"P31-4\"}")
        JsonNode change) {
}
