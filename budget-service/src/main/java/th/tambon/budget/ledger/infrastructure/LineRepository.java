package th.tambon.budget.ledger.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code allocation_line} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class LineRepository implements CrudRepository<LineRow, UUID> {
    private final JdbcOperations jdbc;

    protected LineRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A line of an ESA's round, locked until the transaction ends ({@link RowLocks}). */
    public Optional<LineRow> lock(String esa, int fiscalYear, int round, int line) {
        return RowLocks.read(jdbc, LineRow.class, "SELECT * FROM allocation_line WHERE esa = ? AND fiscal_year = ? "
                + "AND round = ? AND line = ? FOR NO KEY UPDATE", esa, fiscalYear, round, line).stream().findFirst();
    }

    /** A line by its id, locked until the transaction ends. */
    public Optional<LineRow> lock(UUID id) {
        return RowLocks.read(jdbc, LineRow.class, "SELECT * FROM allocation_line WHERE id = ? FOR NO KEY UPDATE", id)
                .stream().findFirst();
    }

    public abstract List<LineRow> findByRoundIdOrderByLine(UUID roundId);

    /** An ESA's lines of a fiscal year, by round and line. */
    @Query("SELECT * FROM allocation_line WHERE esa = :esa AND fiscal_year = :fiscalYear ORDER BY round, line")
    public abstract List<LineRow> findOfEsaYear(String esa, int fiscalYear);

    /** An ESA's lines of a fiscal year by their ids, as lists of transfers and expenditures name them. */
    public Map<UUID, LineRow> byIdOfEsaYear(String esa, int fiscalYear) {
        return findOfEsaYear(esa, fiscalYear).stream().collect(Collectors.toMap(LineRow::id, Function.identity()));
    }

    /** Every ESA's lines of a fiscal year, by ESA, round and line. */
    @Query("SELECT * FROM allocation_line WHERE fiscal_year = :fiscalYear ORDER BY esa, round, line")
    public abstract List<LineRow> findOfYear(int fiscalYear);
}
