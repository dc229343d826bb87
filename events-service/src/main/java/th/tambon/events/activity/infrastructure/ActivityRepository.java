package th.tambon.events.activity.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The {@code activity} table; {@link Activities} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ActivityRepository implements CrudRepository<ActivityRow, UUID> {
    private final JdbcOperations jdbc;

    protected ActivityRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public abstract Optional<ActivityRow> findByEsaAndRef(String esa, String ref);

    /**
     * Activities filtered by ESA, state, type, track, a range of start days (fiscal years are one), academic year and
     * ref, each optional, a page at a time in the pageable's order. An ESA's list runs on {@code activity_esa_starts_on}.
     */
    @Query(value = """
            SELECT activity_row_.* FROM activity activity_row_
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:state AS TEXT) IS NULL OR state = :state)
              AND (CAST(:type AS TEXT) IS NULL OR type = :type)
              AND (CAST(:track AS TEXT) IS NULL OR CAST(:track AS TEXT) = ANY (tracks))
              AND (CAST(:from AS DATE) IS NULL OR starts_on >= :from)
              AND (CAST(:to AS DATE) IS NULL OR starts_on <= :to)
              AND (CAST(:academicYear AS INT) IS NULL OR academic_year = :academicYear)
              AND (CAST(:ref AS TEXT) IS NULL OR ref = :ref)""",
            countQuery = """
            SELECT count(*) FROM activity
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:state AS TEXT) IS NULL OR state = :state)
              AND (CAST(:type AS TEXT) IS NULL OR type = :type)
              AND (CAST(:track AS TEXT) IS NULL OR CAST(:track AS TEXT) = ANY (tracks))
              AND (CAST(:from AS DATE) IS NULL OR starts_on >= :from)
              AND (CAST(:to AS DATE) IS NULL OR starts_on <= :to)
              AND (CAST(:academicYear AS INT) IS NULL OR academic_year = :academicYear)
              AND (CAST(:ref AS TEXT) IS NULL OR ref = :ref)""")
    public abstract Page<ActivityRow> list(@Nullable String esa, @Nullable String state, @Nullable String type,
                                           @Nullable String track, @Nullable LocalDate from, @Nullable LocalDate to,
                                           @Nullable Integer academicYear, @Nullable String ref, Pageable pageable);

    /**
     * Takes the transaction's lock on an ESA's ref, so that two drafts of one ref take turns and the second meets the
     * first (a 409 naming it) instead of the unique constraint (no row exists yet to lock).
     */
    public void lockRef(String esa, String ref) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))", statement -> {
            statement.setString(1, esa);
            statement.setString(2, ref);
            statement.execute();
            return null;
        });
    }

    /** The activity, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<ActivityRow> lock(UUID id) {
        return RowLocks.read(jdbc, ActivityRow.class, "SELECT * FROM activity WHERE id = ? FOR NO KEY UPDATE", id)
                .stream().findFirst();
    }
}
