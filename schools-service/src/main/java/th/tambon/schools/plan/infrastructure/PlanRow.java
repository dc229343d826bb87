package th.tambon.schools.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code development_plan}; its targets are rows of {@code development_plan_target}. */
@MappedEntity("development_plan")
public record PlanRow(@Id UUID id, String school, String esa, int academicYear, String status,
                      @Nullable String returnReason, Instant createdAt, Instant updatedAt, long version) {
}
