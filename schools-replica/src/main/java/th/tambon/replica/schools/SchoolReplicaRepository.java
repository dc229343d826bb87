package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.contracts.schools.SchoolUpdated;

import java.time.Instant;

/** {@code schools_replica.school}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchoolReplicaRepository extends PageableRepository<SchoolReplica, String> {

    Page<SchoolReplica> findByEsa(String esa, Pageable pageable);

    /**
     * Inserts the school, or replaces its details unless the row's details are already at this version of the school or
     * a later one (a designation step may have moved the row's version meanwhile: the details are still this event's to
     * set). A new row takes its quality status from the designations that came before it.
     */
    @Query("""
            INSERT INTO schools_replica.school AS replica (code, name_th, name_en, esa, province, district, tambon,
                tambon_code, director, students, teachers, registered_at, quality_status, version, details_version,
                last_event_id, updated_at)
            VALUES (:code, :nameTh, :nameEn, :esa, :province, :district, :tambon, :tambonCode, :director,
                :students, :teachers, :registeredAt,
                coalesce((SELECT d.status FROM schools_replica.designation d WHERE d.school = :code
                          ORDER BY d.version DESC LIMIT 1), 'NONE'),
                greatest(:version, coalesce((SELECT max(d.version) FROM schools_replica.designation d
                                             WHERE d.school = :code), 0)),
                :version, :eventId, now())
            ON CONFLICT (code) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                esa = excluded.esa, province = excluded.province, district = excluded.district,
                tambon = excluded.tambon, tambon_code = excluded.tambon_code, director = excluded.director,
                students = excluded.students, teachers = excluded.teachers,
                registered_at = excluded.registered_at, details_version = excluded.details_version,
                version = greatest(replica.version, excluded.details_version),
                last_event_id = excluded.last_event_id, updated_at = now()
            WHERE replica.details_version < excluded.details_version""")
    int upsert(String code, String nameTh, @Nullable String nameEn, String esa, String province, String district,
               String tambon, String tambonCode, @Nullable String director, @Nullable Integer students,
               @Nullable Integer teachers, Instant registeredAt, long version, String eventId);

    default int apply(SchoolRegistered school, String eventId) {
        return upsert(school.code(), school.nameTh(), school.nameEn(), school.esa(), school.province(),
                school.district(), school.tambon(), school.tambonCode(), school.director(), school.students(),
                school.teachers(), school.registeredAt(), school.version(), eventId);
    }

    default int apply(SchoolUpdated school, String eventId) {
        return upsert(school.code(), school.nameTh(), school.nameEn(), school.esa(), school.province(),
                school.district(), school.tambon(), school.tambonCode(), school.director(), school.students(),
                school.teachers(), school.registeredAt(), school.version(), eventId);
    }

    /**
     * After a designation step was applied to {@code schools_replica.designation}: the school's quality status becomes
     * the status of its designation with the highest version (its latest step, whatever order the steps came in), and
     * its version at least the step's. A school not (yet) replicated is left alone: its row takes the status when it
     * comes. Changes nothing when the row already says so.
     */
    @Query("""
            UPDATE schools_replica.school AS school SET quality_status = latest.status,
                version = greatest(school.version, :version), last_event_id = :eventId, updated_at = now()
            FROM (SELECT coalesce((SELECT d.status FROM schools_replica.designation d WHERE d.school = :code
                                   ORDER BY d.version DESC LIMIT 1), 'NONE') AS status) latest
            WHERE school.code = :code AND (school.quality_status <> latest.status OR school.version < :version)""")
    int takeQualityStatus(String code, long version, String eventId);
}
