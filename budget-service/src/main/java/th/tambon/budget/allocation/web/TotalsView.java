package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.ledger.model.Balance;

import java.math.BigDecimal;

/** Sums of lines' balances: an ESA's year's, a category's, every ESA's. */
@Serdeable
@Schema(description = "Sums of lines' balances: allocated (as revised, with transfers), committed (open commitments), "
        + "spent, remaining = allocated − committed − spent, executionRate = spent ÷ allocated in percent (absent when "
        + "nothing is allocated)")
public record TotalsView(
        @Schema(example = "218700.00") BigDecimal allocated,
        @Schema(example = "0.00") BigDecimal committed,
        @Schema(example = "21700.00") BigDecimal spent,
        @Schema(example = "197000.00") BigDecimal remaining,
        @Schema(example = "9.92") @Nullable BigDecimal executionRate) {

    public static TotalsView of(Balance balance) {
        return new TotalsView(balance.allocated(), balance.committed(), balance.spent(), balance.remaining(),
                balance.executionRate());
    }
}
