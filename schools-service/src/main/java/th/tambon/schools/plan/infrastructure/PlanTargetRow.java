package th.tambon.schools.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** A row of {@code development_plan_target}: one track's target of a plan. */
@MappedEntity("development_plan_target")
public record PlanTargetRow(@Id UUID id, UUID plan, String track, String goal, @Nullable String indicator) {
}
