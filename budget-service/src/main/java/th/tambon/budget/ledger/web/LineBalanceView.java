package th.tambon.budget.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.model.Balance;

import java.math.BigDecimal;

/** A line named by its round and number, with its balance as a change left it. */
@Serdeable
@Schema(description = "A line of an ESA's fiscal year (its round and number) and its balance: allocated = amount + "
        + "transferred; remaining = allocated − committed − spent; executionRate = spent ÷ allocated, in percent")
public record LineBalanceView(int round, int line, String category, String purposeTh, BigDecimal amount,
                              BigDecimal transferred, BigDecimal allocated, BigDecimal committed, BigDecimal spent,
                              BigDecimal remaining, @Nullable BigDecimal executionRate) {

    public static LineBalanceView of(LineRow row) {
        Balance b = row.balance();
        return new LineBalanceView(row.round(), row.line(), row.category(), row.purposeTh(), b.amount(),
                b.transferred(), b.allocated(), b.committed(), b.spent(), b.remaining(), b.executionRate());
    }
}
