package th.tambon.events.work.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code work_step}: what happened to a work (presented, selected, forwarded…), by whom, when, why. */
@MappedEntity("work_step")
public record WorkStepRow(@Id UUID id, UUID work, String status, @Nullable String note, @Nullable UUID forwarding,
                          Instant recordedAt, String recordedBy) {
}
