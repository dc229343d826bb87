package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.contracts.schools.EsaUpdated;

import java.time.Instant;

/** {@code schools_replica.esa}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EsaReplicaRepository extends PageableRepository<EsaReplica, String> {

    /** Inserts or replaces the row unless it already holds this version of the ESA or a later one. */
    @Query("""
            INSERT INTO schools_replica.esa AS replica (code, kind, zone, province_code, province, name_th, name_en,
                director, registered_at, version, last_event_id, updated_at)
            VALUES (:code, :kind, :zone, :provinceCode, :province, :nameTh, :nameEn, :director, :registeredAt,
                :version, :eventId, now())
            ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, zone = excluded.zone,
                province_code = excluded.province_code, province = excluded.province, name_th = excluded.name_th,
                name_en = excluded.name_en, director = excluded.director, registered_at = excluded.registered_at,
                version = excluded.version, last_event_id = excluded.last_event_id, updated_at = now()
            WHERE replica.version < excluded.version""")
    int upsert(String code, String kind, int zone, String provinceCode, String province, String nameTh, String nameEn,
               @Nullable String director, Instant registeredAt, long version, String eventId);

    default int apply(EsaRegistered esa, String eventId) {
        return upsert(esa.code(), esa.kind(), esa.zone(), esa.provinceCode(), esa.province(), esa.nameTh(),
                esa.nameEn(), esa.director(), esa.registeredAt(), esa.version(), eventId);
    }

    default int apply(EsaUpdated esa, String eventId) {
        return upsert(esa.code(), esa.kind(), esa.zone(), esa.provinceCode(), esa.province(), esa.nameTh(),
                esa.nameEn(), esa.director(), esa.registeredAt(), esa.version(), eventId);
    }
}
