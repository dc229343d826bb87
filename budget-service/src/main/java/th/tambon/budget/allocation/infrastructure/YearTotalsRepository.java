package th.tambon.budget.allocation.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What each ESA's fiscal year came to, summed over its lines' balances (the ledger's sums kept on each line) in one
 * grouped statement for every ESA of the year, or for one: the gateway's fiscal-year report asks once, not per ESA.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface YearTotalsRepository extends GenericRepository<LineRow, UUID> {

    /** Per ESA with a round in the fiscal year, by ESA code. */
    @Query("""
            SELECT l.esa, y.closed_at, count(DISTINCT l.round_id) AS rounds, sum(l.amount) AS amount,
                   sum(l.transferred) AS transferred, sum(l.committed) AS committed, sum(l.spent) AS spent
            FROM allocation_line l JOIN fiscal_year y ON y.esa = l.esa AND y.year = l.fiscal_year
            WHERE l.fiscal_year = :fiscalYear AND (CAST(:esa AS TEXT) IS NULL OR l.esa = :esa)
            GROUP BY l.esa, y.closed_at
            ORDER BY l.esa""")
    List<EsaTotals> perEsa(int fiscalYear, @Nullable String esa);

    /** An ESA's fiscal year in sums: whether closed, its rounds, and its lines' sums. */
    @Introspected
    record EsaTotals(String esa, @Nullable Instant closedAt, long rounds, BigDecimal amount, BigDecimal transferred,
                     BigDecimal committed, BigDecimal spent) {
    }
}
