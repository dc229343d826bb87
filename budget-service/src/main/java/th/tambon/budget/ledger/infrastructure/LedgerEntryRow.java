package th.tambon.budget.ledger.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code ledger_entry}: one movement of money on a line, never changed once written. */
@MappedEntity("ledger_entry")
public record LedgerEntryRow(@Id @GeneratedValue @Nullable Long id, UUID lineId, String esa, int fiscalYear,
                             String kind, BigDecimal amount, @Nullable UUID activity, @Nullable Integer request,
                             @Nullable UUID commitment, @Nullable UUID expenditure, @Nullable UUID transfer,
                             @Nullable String reason, @Nullable String documentRef, Instant recordedAt,
                             String recordedBy) {
}
