package th.tambon.budget.ledger.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** The {@code ledger_entry} table: entries are only ever added ({@link Ledger}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LedgerEntryRepository extends GenericRepository<LedgerEntryRow, Long> {
    LedgerEntryRow save(LedgerEntryRow entry);
}
