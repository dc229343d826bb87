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

    /** Inserts or replaces the row unless it already holds this version of the school or a later one. */
    @Query("""
            INSERT INTO schools_replica.school AS replica (code, name_th, name_en, esa, province, district, tambon,
                tambon_code, director, students, teachers, registered_at, version, last_event_id, updated_at)
            VALUES (:code, :nameTh, :nameEn, :esa, :province, :district, :tambon, :tambonCode, :director,
                :students, :teachers, :registeredAt, :version, :eventId, now())
            ON CONFLICT (code) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                esa = excluded.esa, province = excluded.province, district = excluded.district,
                tambon = excluded.tambon, tambon_code = excluded.tambon_code, director = excluded.director,
                students = excluded.students, teachers = excluded.teachers,
                registered_at = excluded.registered_at, version = excluded.version,
                last_event_id = excluded.last_event_id, updated_at = now()
            WHERE replica.version < excluded.version""")
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
     * Takes the school's quality status from a designation step, unless the row is at this version already or later.
     * A school not (yet) replicated is left alone: its registration, on the same key, comes first.
     */
    @Query("""
            UPDATE schools_replica.school SET quality_status = :status, version = :version,
                last_event_id = :eventId, updated_at = now()
            WHERE code = :code AND version < :version""")
    int updateQualityStatus(String code, String status, long version, String eventId);
}
