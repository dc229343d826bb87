package th.tambon.events.funding.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code activity_funding} table; {@link Fundings} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class FundingRepository implements CrudRepository<FundingRow, UUID> {
    private final JdbcOperations jdbc;

    protected FundingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The activity's funding, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<FundingRow> lock(UUID activity) {
        return RowLocks.read(jdbc, FundingRow.class, "SELECT * FROM activity_funding WHERE activity = ? FOR NO KEY UPDATE",
                activity).stream().findFirst();
    }

    /**
     * Activities still waiting for budget-service's answer to a request last asked before {@code before}, of one ESA
     * or all, the longest waiting first.
     */
    @Query(value = """
            SELECT f.activity, f.esa, a.ref, a.title_th, f.fiscal_year, f.round, f.line, f.amount, f.request,
                   f.requested_at
            FROM activity_funding f JOIN activity a ON a.id = f.activity
            WHERE a.state = 'FUNDING_REQUESTED' AND f.requested_at < :before
              AND (CAST(:esa AS TEXT) IS NULL OR f.esa = :esa)
            ORDER BY f.requested_at, f.activity""",
            countQuery = """
            SELECT count(*) FROM activity_funding f JOIN activity a ON a.id = f.activity
            WHERE a.state = 'FUNDING_REQUESTED' AND f.requested_at < :before
              AND (CAST(:esa AS TEXT) IS NULL OR f.esa = :esa)""")
    public abstract Page<OverdueFundingRow> overdue(Instant before, @Nullable String esa, Pageable pageable);

    /** How many activities of every ESA wait for an answer to a request last asked before {@code before}. */
    @Query("""
            SELECT count(*) FROM activity_funding f JOIN activity a ON a.id = f.activity
            WHERE a.state = 'FUNDING_REQUESTED' AND f.requested_at < :before""")
    public abstract long countOverdue(Instant before);
}
