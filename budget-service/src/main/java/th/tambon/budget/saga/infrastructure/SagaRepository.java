package th.tambon.budget.saga.infrastructure;

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

/** The {@code funding_saga} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class SagaRepository implements CrudRepository<SagaRow, UUID> {
    private final JdbcOperations jdbc;

    protected SagaRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The activity's saga, locked until the transaction ends; empty before its first request. */
    public Optional<SagaRow> lock(UUID activity) {
        return RowLocks.read(jdbc, SagaRow.class, "SELECT * FROM funding_saga WHERE activity = ? FOR NO KEY UPDATE",
                activity).stream().findFirst();
    }

    /**
     * Makes sure the activity has a saga row (a new one: nothing seen, nothing published) and locks it: two first
     * requests of one activity (a redelivery racing a replay) go one after the other.
     */
    public SagaRow lockOrStart(UUID activity, String esa, int request, Instant at) {
        jdbc.prepareStatement("INSERT INTO funding_saga (activity, esa, request, state, seen_version, version, "
                + "started_at, updated_at) VALUES (?, ?, ?, 'REJECTED', 1, 0, ?, ?) ON CONFLICT DO NOTHING",
                statement -> {
                    statement.setObject(1, activity);
                    statement.setString(2, esa);
                    statement.setInt(3, request);
                    statement.setObject(4, java.sql.Timestamp.from(at));
                    statement.setObject(5, java.sql.Timestamp.from(at));
                    return statement.executeUpdate();
                });
        return lock(activity).orElseThrow();
    }

    /** Sagas still holding money (COMMITTED or SPENDING_REFUSED) unchanged since before {@code before}, oldest first. */
    @Query(value = """
            SELECT * FROM funding_saga
            WHERE state IN ('COMMITTED', 'SPENDING_REFUSED') AND updated_at < :before
              AND (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
            ORDER BY updated_at, activity""",
            countQuery = """
            SELECT count(*) FROM funding_saga
            WHERE state IN ('COMMITTED', 'SPENDING_REFUSED') AND updated_at < :before
              AND (CAST(:esa AS TEXT) IS NULL OR esa = :esa)""")
    public abstract Page<SagaRow> pending(Instant before, @Nullable String esa, Pageable pageable);

    @Query("SELECT count(*) FROM funding_saga WHERE state IN ('COMMITTED', 'SPENDING_REFUSED') AND updated_at < :before")
    public abstract long countPending(Instant before);
}
