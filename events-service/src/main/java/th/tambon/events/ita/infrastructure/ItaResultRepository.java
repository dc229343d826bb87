package th.tambon.events.ita.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.util.Optional;

/** The {@code ita_result} table; {@link ItaResults} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ItaResultRepository implements CrudRepository<ItaResultRow, String> {
    private final JdbcOperations jdbc;

    protected ItaResultRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the result's key until the transaction ends, whether it exists yet or not, so two first recordings of one
     * result take turns and the second meets the first's row.
     */
    @Query("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('ita-result:' || :id, 0))) held")
    public abstract long lockKey(String id);

    /** The result, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<ItaResultRow> lock(String id) {
        return RowLocks.read(jdbc, ItaResultRow.class, "SELECT * FROM ita_result WHERE id = ? FOR NO KEY UPDATE", id)
                .stream().findFirst();
    }

    /** Results filtered by ESA (its own and its schools'), fiscal year and level (each optional), a page at a time. */
    @Query(value = """
            SELECT ita_result_row_.* FROM ita_result ita_result_row_
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:fiscalYear AS INT) IS NULL OR fiscal_year = :fiscalYear)
              AND (CAST(:level AS TEXT) IS NULL OR level = :level)""",
            countQuery = """
            SELECT count(*) FROM ita_result
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:fiscalYear AS INT) IS NULL OR fiscal_year = :fiscalYear)
              AND (CAST(:level AS TEXT) IS NULL OR level = :level)""")
    public abstract Page<ItaResultRow> list(@Nullable String esa, @Nullable Integer fiscalYear, @Nullable String level,
                                            Pageable pageable);
}
