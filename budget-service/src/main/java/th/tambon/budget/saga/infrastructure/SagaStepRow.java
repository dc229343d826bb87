package th.tambon.budget.saga.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code saga_step}: what happened in an activity's funding saga, for people. */
@MappedEntity("saga_step")
public record SagaStepRow(@Id @GeneratedValue @Nullable Long id, UUID activity, int request, String step,
                          @Nullable BigDecimal amount, @Nullable String reason, @Nullable String message, Instant at) {
}
