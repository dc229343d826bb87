package th.tambon.events.funding.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code activity_funding}; {@link Fundings} turns it into the domain's {@code ActivityFunding} and back. */
@MappedEntity("activity_funding")
public record FundingRow(@Id UUID activity, String esa, int request, int fiscalYear, int round, int line,
                         BigDecimal amount, Instant requestedAt, Instant updatedAt, long version,
                         @Nullable String spending, @Nullable String spendingReasonCode,
                         @Nullable String spendingMessage, @Nullable Instant spendingAt,
                         @Nullable Long budgetVersion) {
}
