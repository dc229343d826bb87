package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import th.tambon.contracts.schools.SchoolRegistered;

import java.time.Instant;

/** {@code schools_replica.school}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchoolReplicaRepository extends PageableRepository<SchoolReplica, String> {

    Page<SchoolReplica> findByEsa(String esa, Pageable pageable);

    /** Inserts or replaces the row unless it already holds this version of the school or a later one. */
    @Query("""
            INSERT INTO schools_replica.school AS replica (code, name_th, name_en, esa, province, district, tambon,
                tambon_code, director, registered_at, version, last_event_id, updated_at)
            VALUES (:code, :nameTh, :nameEn, :esa, :province, :district, :tambon, :tambonCode, :director,
                :registeredAt, :version, :eventId, now())
            ON CONFLICT (code) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                esa = excluded.esa, province = excluded.province, district = excluded.district,
                tambon = excluded.tambon, tambon_code = excluded.tambon_code, director = excluded.director,
                registered_at = excluded.registered_at, version = excluded.version,
                last_event_id = excluded.last_event_id, updated_at = now()
            WHERE replica.version < excluded.version""")
    int upsert(String code, String nameTh, @Nullable String nameEn, String esa, String province, String district,
               String tambon, String tambonCode, @Nullable String director, Instant registeredAt, long version,
               String eventId);

    default int apply(SchoolRegistered school, String eventId) {
        return upsert(school.code(), school.nameTh(), school.nameEn(), school.esa(), school.province(),
                school.district(), school.tambon(), school.tambonCode(), school.director(), school.registeredAt(),
                school.version(), eventId);
    }
}
