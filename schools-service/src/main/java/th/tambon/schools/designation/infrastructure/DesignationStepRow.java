package th.tambon.schools.designation.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A step of a designation's history: the status it reached, on which date, why, and who recorded it when. */
@MappedEntity("designation_step")
public record DesignationStepRow(@Id UUID id, UUID designation, String status, LocalDate effectiveOn,
                                 @Nullable String reason, Instant recordedAt, String recordedBy) {
}
