package th.tambon.replica.schools;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

/** {@code schools_replica.academic_calendar}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AcademicCalendarRepository extends CrudRepository<AcademicCalendarRow, String> {

    /**
     * Inserts or replaces the row unless it already holds this version of the calendar or a later one; 1 when it did.
     * The row stays locked until the transaction ends, so the years are rewritten by one newer calendar at a time.
     */
    @Query("""
            INSERT INTO schools_replica.academic_calendar AS replica (id, default_opens_on,
                default_second_semester_from, changed_at, version, last_event_id, updated_at)
            VALUES (:id, :defaultOpensOn, :defaultSecondSemesterFrom, :changedAt, :version, :eventId, now())
            ON CONFLICT (id) DO UPDATE SET default_opens_on = excluded.default_opens_on,
                default_second_semester_from = excluded.default_second_semester_from,
                changed_at = excluded.changed_at, version = excluded.version,
                last_event_id = excluded.last_event_id, updated_at = now()
            WHERE replica.version < excluded.version""")
    int upsert(String id, String defaultOpensOn, String defaultSecondSemesterFrom, Instant changedAt, long version,
               String eventId);
}
