package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.allocation.infrastructure.YearTotalsRepository;
import th.tambon.budget.ledger.model.Balance;

import java.math.BigDecimal;
import java.time.Instant;

/** What an ESA's fiscal year came to, in a fiscal year's list of ESAs. */
@Serdeable
@Schema(description = "What an ESA's fiscal year came to: the sums of its lines' balances")
public record EsaTotalsView(
        @Schema(example = "P51-1") String esa,
        boolean closed,
        @Nullable Instant closedAt,
        @Schema(description = "its allocation rounds", example = "2") long rounds,
        @Schema(example = "218700.00") BigDecimal allocated,
        @Schema(example = "0.00") BigDecimal committed,
        @Schema(example = "21700.00") BigDecimal spent,
        @Schema(example = "197000.00") BigDecimal remaining,
        @Schema(description = "spent ÷ allocated in percent", example = "9.92") @Nullable BigDecimal executionRate) {

    public static EsaTotalsView of(YearTotalsRepository.EsaTotals row) {
        Balance b = balanceOf(row);
        return new EsaTotalsView(row.esa(), row.closedAt() != null, row.closedAt(), row.rounds(), b.allocated(),
                b.committed(), b.spent(), b.remaining(), b.executionRate());
    }

    static Balance balanceOf(YearTotalsRepository.EsaTotals row) {
        return new Balance(row.amount(), row.transferred(), row.committed(), row.spent());
    }
}
