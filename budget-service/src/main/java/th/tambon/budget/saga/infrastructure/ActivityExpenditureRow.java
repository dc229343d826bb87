package th.tambon.budget.saga.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code expenditure} as the saga writes it: an activity's actual cost, spending its commitment. */
@MappedEntity("expenditure")
public record ActivityExpenditureRow(@Id UUID id, UUID lineId, BigDecimal amount, LocalDate spentOn,
                                     @Nullable UUID activity, @Nullable Integer request, @Nullable UUID commitment,
                                     String purposeTh, @Nullable String documentRef, Instant recordedAt,
                                     String recordedBy) {
}
