package th.tambon.events.activity.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code activity_step}: what happened to an activity (drafted, revised, planned, held…), by whom, when, why;
 * {@code reasonCode} is budget-service's reason for machines when it rejected the funding.
 */
@MappedEntity("activity_step")
public record ActivityStepRow(@Id UUID id, UUID activity, String state, String change, @Nullable String reason,
                              Instant recordedAt, String recordedBy, @Nullable String reasonCode) {
}
