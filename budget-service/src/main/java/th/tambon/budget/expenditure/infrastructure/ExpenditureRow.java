package th.tambon.budget.expenditure.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code expenditure}: money spent on a line, an activity's actual cost (its request and commitment set) or
 * a direct expenditure (those null).
 */
@MappedEntity("expenditure")
public record ExpenditureRow(@Id UUID id, UUID lineId, BigDecimal amount, LocalDate spentOn, @Nullable UUID activity,
                             @Nullable Integer request, @Nullable UUID commitment, String purposeTh,
                             @Nullable String documentRef, Instant recordedAt, String recordedBy) {
}
