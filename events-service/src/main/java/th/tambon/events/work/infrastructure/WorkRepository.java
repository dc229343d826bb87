package th.tambon.events.work.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code work} table; {@link Works} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class WorkRepository implements CrudRepository<WorkRow, UUID> {
    private final JdbcOperations jdbc;

    protected WorkRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The work, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<WorkRow> lock(UUID id) {
        return RowLocks.read(jdbc, WorkRow.class, "SELECT * FROM work WHERE id = ? FOR NO KEY UPDATE", id)
                .stream().findFirst();
    }

    /**
     * Those of the works that exist, their rows locked until the transaction ends, taken in id order so that two
     * batches sharing works never wait for each other in a circle.
     */
    public List<WorkRow> lockAll(Collection<UUID> ids) {
        return RowLocks.read(jdbc, WorkRow.class, "SELECT * FROM work WHERE id = ANY (CAST(? AS UUID[])) ORDER BY id "
                + "FOR NO KEY UPDATE", ids.stream().map(UUID::toString).toList());
    }

    /** The works a forwarding took to OBEC, in the order its letter listed them. */
    public abstract List<WorkRow> findByForwardingOrderByForwardingIndex(UUID forwarding);

    /** Works filtered by ESA, activity, status and track (each optional), a page at a time. */
    @Query(value = """
            SELECT work_row_.* FROM work work_row_
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:activity AS UUID) IS NULL OR activity = :activity)
              AND (CAST(:status AS TEXT) IS NULL OR status = :status)
              AND (CAST(:track AS TEXT) IS NULL OR track = :track)""",
            countQuery = """
            SELECT count(*) FROM work
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:activity AS UUID) IS NULL OR activity = :activity)
              AND (CAST(:status AS TEXT) IS NULL OR status = :status)
              AND (CAST(:track AS TEXT) IS NULL OR track = :track)""")
    public abstract Page<WorkRow> list(@Nullable String esa, @Nullable UUID activity, @Nullable String status,
                                       @Nullable String track, Pageable pageable);
}
