package th.tambon.budget.allocation.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import th.tambon.budget.ledger.infrastructure.LedgerEntryRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An ESA's fiscal year's ledger entries with the round and line each is on, newest first (by id: the order they were
 * written in), filtered by round, line and kind, a page at a time; it runs on {@code ledger_entry_fiscal_year}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MovementRepository extends GenericRepository<LedgerEntryRow, Long> {

    /** The pageable gives the page only: the order is the query's. */
    @Query(value = """
            SELECT e.id, l.round, l.line, e.kind, e.amount, e.activity, e.request, e.commitment, e.expenditure,
                   e.transfer, e.reason, e.document_ref, e.recorded_at, e.recorded_by
            FROM ledger_entry e JOIN allocation_line l ON l.id = e.line_id
            WHERE e.esa = :esa AND e.fiscal_year = :fiscalYear
              AND (CAST(:round AS INT) IS NULL OR l.round = :round)
              AND (CAST(:line AS INT) IS NULL OR l.line = :line)
              AND (CAST(:kind AS TEXT) IS NULL OR e.kind = :kind)
            ORDER BY e.id DESC""",
            countQuery = """
            SELECT count(*)
            FROM ledger_entry e JOIN allocation_line l ON l.id = e.line_id
            WHERE e.esa = :esa AND e.fiscal_year = :fiscalYear
              AND (CAST(:round AS INT) IS NULL OR l.round = :round)
              AND (CAST(:line AS INT) IS NULL OR l.line = :line)
              AND (CAST(:kind AS TEXT) IS NULL OR e.kind = :kind)""")
    Page<MovementRow> page(String esa, int fiscalYear, @Nullable Integer round, @Nullable Integer line,
                           @Nullable String kind, Pageable pageable);

    /** A ledger entry with the round and line it is on. */
    @Introspected
    record MovementRow(long id, int round, int line, String kind, BigDecimal amount, @Nullable UUID activity,
                       @Nullable Integer request, @Nullable UUID commitment, @Nullable UUID expenditure,
                       @Nullable UUID transfer, @Nullable String reason, @Nullable String documentRef,
                       Instant recordedAt, String recordedBy) {
    }
}
