package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.allocation.infrastructure.RoundRow;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.http.ThaiDates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An allocation round with its lines and balances. */
@Serdeable
@Schema(description = "An allocation round of an ESA's fiscal year, its lines and balances (sums of its lines')")
public record RoundView(String esa, int fiscalYear, int round, @Nullable LocalDate receivedOn,
                        @Nullable String receivedOnTh, @Nullable String documentRef, BigDecimal originalAmount,
                        BigDecimal amount, BigDecimal allocated, BigDecimal committed, BigDecimal spent,
                        BigDecimal remaining, @Nullable BigDecimal executionRate, List<LineView> lines) {

    public static RoundView of(RoundRow round, List<LineRow> lines) {
        Balance sum = lines.stream().map(LineRow::balance).reduce(Balance.ZERO, Balance::plus);
        return new RoundView(round.esa(), round.fiscalYear(), round.round(), round.receivedOn(),
                round.receivedOn() == null ? null : ThaiDates.format(round.receivedOn()), round.documentRef(),
                round.originalAmount(), round.amount(), sum.allocated(), sum.committed(), sum.spent(),
                sum.remaining(), sum.executionRate(), lines.stream().map(LineView::of).toList());
    }
}
