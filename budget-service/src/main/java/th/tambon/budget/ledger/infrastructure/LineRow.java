package th.tambon.budget.ledger.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import th.tambon.budget.ledger.model.Balance;

import java.math.BigDecimal;
import java.util.UUID;

/** A row of {@code allocation_line}: a line of a round with its balance (the ledger's sums). */
@MappedEntity("allocation_line")
public record LineRow(@Id UUID id, UUID roundId, String esa, int fiscalYear, int round, int line, String category,
                      String purposeTh, BigDecimal originalAmount, BigDecimal amount, BigDecimal transferred,
                      BigDecimal committed, BigDecimal spent) {

    public Balance balance() {
        return new Balance(amount, transferred, committed, spent);
    }

    public LineRow with(Balance balance) {
        return new LineRow(id, roundId, esa, fiscalYear, round, line, category, purposeTh, originalAmount,
                balance.amount(), balance.transferred(), balance.committed(), balance.spent());
    }

    /** "2563/2/1": fiscal year, round and line, as messages name a line. */
    public String label() {
        return fiscalYear + "/" + round + "/" + line;
    }
}
