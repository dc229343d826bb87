package th.tambon.schools.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code development_plan_step}: what happened to a plan (drafted, revised, submitted…), by whom, when. */
@MappedEntity("development_plan_step")
public record PlanStepRow(@Id UUID id, UUID plan, String status, String change, @Nullable String reason,
                          Instant recordedAt, String recordedBy) {
}
