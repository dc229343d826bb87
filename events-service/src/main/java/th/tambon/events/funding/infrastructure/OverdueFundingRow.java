package th.tambon.events.funding.infrastructure;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A request budget-service has not answered in time, with what people know its activity by. */
@Introspected
public record OverdueFundingRow(UUID activity, String esa, String ref, String titleTh, int fiscalYear, int round,
                                int line, BigDecimal amount, int request, Instant requestedAt) {
}
