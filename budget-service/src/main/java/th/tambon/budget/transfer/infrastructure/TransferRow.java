package th.tambon.budget.transfer.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code transfer}: money moved from one line to another of one ESA and fiscal year. */
@MappedEntity("transfer")
public record TransferRow(@Id UUID id, String esa, int fiscalYear, UUID fromLine, UUID toLine, BigDecimal amount,
                          String reason, String documentRef, Instant transferredAt, String transferredBy) {
}
