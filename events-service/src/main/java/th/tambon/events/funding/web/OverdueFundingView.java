package th.tambon.events.funding.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.funding.infrastructure.OverdueFundingRow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

@Serdeable
@Schema(description = "An activity waiting longer than the deadline for budget-service's answer to its funding request")
public record OverdueFundingView(
        @Schema(description = "the activity's id") String id,
        @Schema(example = "P51-1") String esa,
        @Schema(example = "p51-1-symposium-2563-09-28") String ref,
        String titleTh,
        @Schema(description = "fiscal year (BE) of the allocation round", example = "2563") int fiscalYear,
        @Schema(example = "2") int round,
        @Schema(example = "1") int line,
        @Schema(description = "baht asked for", example = "21700.00", type = "string", format = "decimal") BigDecimal amount,
        @Schema(description = "which request of the activity: 1 for its first", example = "1") int request,
        @Schema(description = "when it was last asked") Instant requestedAt,
        @Schema(description = "how long it has waited since, ISO 8601", example = "PT47M12S") String waitingFor,
        @Schema(description = "the same in whole seconds", example = "2832") long waitingSeconds) {

    static OverdueFundingView of(OverdueFundingRow row, Instant now) {
        Duration waited = Duration.between(row.requestedAt(), now).withNanos(0);
        return new OverdueFundingView(row.activity().toString(), row.esa(), row.ref(), row.titleTh(), row.fiscalYear(),
                row.round(), row.line(), row.amount(), row.request(), row.requestedAt(), waited.toString(),
                waited.getSeconds());
    }
}
