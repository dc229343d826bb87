package th.tambon.budget.allocation.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code fiscal_year} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class FiscalYearRepository implements CrudRepository<FiscalYearRow, FiscalYearRow.Key> {
    private final JdbcOperations jdbc;

    protected FiscalYearRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The ESA's fiscal year, locked until the transaction ends; empty when it has no round yet. */
    public Optional<FiscalYearRow> lock(String esa, int year) {
        return RowLocks.read(jdbc, FiscalYearRow.class,
                "SELECT * FROM fiscal_year WHERE esa = ? AND year = ? FOR NO KEY UPDATE", esa, year).stream()
                .findFirst();
    }

    /**
     * The ESA's fiscal year with a share lock until the transaction ends: commitments and spending take it, so that
     * closing the year (which locks it for update) waits for them and they for it, and a closed year is seen closed.
     */
    public Optional<FiscalYearRow> share(String esa, int year) {
        return RowLocks.read(jdbc, FiscalYearRow.class,
                "SELECT * FROM fiscal_year WHERE esa = ? AND year = ? FOR SHARE", esa, year).stream().findFirst();
    }

    /**
     * The ESA's fiscal year locked until the transaction ends, created open (version 0: no event yet) when it has none;
     * two first rounds racing create it once.
     */
    public FiscalYearRow lockOrOpen(String esa, int year, Instant at) {
        jdbc.prepareStatement("INSERT INTO fiscal_year (esa, year, version, updated_at) VALUES (?, ?, 0, ?) "
                + "ON CONFLICT DO NOTHING", statement -> {
            statement.setString(1, esa);
            statement.setInt(2, year);
            statement.setObject(3, java.sql.Timestamp.from(at));
            return statement.executeUpdate();
        });
        return lock(esa, year).orElseThrow();
    }

    public abstract List<FiscalYearRow> findByKeyYear(int year);
}
