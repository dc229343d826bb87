package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import th.tambon.contracts.schools.QualitySchoolDesignationChanged;

import java.time.LocalDate;

/** {@code schools_replica.designation}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DesignationReplicaRepository extends PageableRepository<DesignationReplica, String> {

    /** The designations of an ESA's schools that were active on a date. */
    @Query(value = """
            SELECT * FROM schools_replica.designation
            WHERE esa = :esa AND active_from <= :on AND (withdrawn_on IS NULL OR withdrawn_on > :on)""",
            countQuery = """
            SELECT count(*) FROM schools_replica.designation
            WHERE esa = :esa AND active_from <= :on AND (withdrawn_on IS NULL OR withdrawn_on > :on)""")
    Page<DesignationReplica> findActiveOn(String esa, LocalDate on, Pageable pageable);

    /** Inserts or replaces the row unless it is already at this version of the school or a later one. */
    @Query("""
            INSERT INTO schools_replica.designation AS replica (id, school, esa, tambon_code, status, nominated_on,
                designated_on, active_from, withdrawn_on, version, last_event_id, updated_at)
            VALUES (:id, :school, :esa, :tambonCode, :status, :nominatedOn, :designatedOn, :activeFrom, :withdrawnOn,
                :version, :eventId, now())
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, nominated_on = excluded.nominated_on,
                designated_on = excluded.designated_on, active_from = excluded.active_from,
                withdrawn_on = excluded.withdrawn_on, version = excluded.version,
                last_event_id = excluded.last_event_id, updated_at = now()
            WHERE replica.version < excluded.version""")
    int upsert(String id, String school, String esa, String tambonCode, String status, @Nullable LocalDate nominatedOn,
               @Nullable LocalDate designatedOn, @Nullable LocalDate activeFrom, @Nullable LocalDate withdrawnOn,
               long version, String eventId);

    default int apply(QualitySchoolDesignationChanged step, String eventId) {
        return upsert(step.designation(), step.school(), step.esa(), step.tambonCode(), step.status(),
                step.nominatedOn(), step.designatedOn(), step.activeFrom(), step.withdrawnOn(), step.version(), eventId);
    }
}
