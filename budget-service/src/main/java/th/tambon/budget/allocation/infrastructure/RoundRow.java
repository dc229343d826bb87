package th.tambon.budget.allocation.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code allocation_round}. */
@MappedEntity("allocation_round")
public record RoundRow(@Id UUID id, String esa, int fiscalYear, int round, @Nullable LocalDate receivedOn,
                       @Nullable String documentRef, BigDecimal originalAmount, BigDecimal amount, Instant recordedAt,
                       String recordedBy, Instant updatedAt) {
}
