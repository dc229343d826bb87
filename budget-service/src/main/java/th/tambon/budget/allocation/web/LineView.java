package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.model.Balance;

import java.math.BigDecimal;

/** A line of a round with its balance. */
@Serdeable
@Schema(description = "A line of an allocation round and its balance: allocated = amount + transferred; remaining = "
        + "allocated − committed − spent; executionRate = spent ÷ allocated, in percent")
public record LineView(int line, String category, String purposeTh, BigDecimal originalAmount, BigDecimal amount,
                       BigDecimal transferred, BigDecimal allocated, BigDecimal committed, BigDecimal spent,
                       BigDecimal remaining, @Nullable BigDecimal executionRate) {

    public static LineView of(LineRow row) {
        Balance b = row.balance();
        return new LineView(row.line(), row.category(), row.purposeTh(), row.originalAmount(), b.amount(),
                b.transferred(), b.allocated(), b.committed(), b.spent(), b.remaining(), b.executionRate());
    }
}
