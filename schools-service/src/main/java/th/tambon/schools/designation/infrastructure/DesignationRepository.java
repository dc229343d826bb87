package th.tambon.schools.designation.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.schools.designation.model.Designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code designation} table, in terms of {@link Designation}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DesignationRepository extends CrudRepository<DesignationRow, UUID> {

    default void insert(Designation designation, Instant at) {
        save(DesignationRow.of(designation, at, at));
    }

    default void store(Designation designation, Instant createdAt, Instant at) {
        update(DesignationRow.of(designation, createdAt, at));
    }

    /** The school's designation that is not withdrawn, if any. */
    default Optional<Designation> findOpen(String school) {
        return findBySchoolAndStatusNotEqual(school, "WITHDRAWN").map(DesignationRow::toDesignation);
    }

    Optional<DesignationRow> findBySchoolAndStatusNotEqual(String school, String status);

    /** When the school's latest withdrawn designation was withdrawn; null when none was. */
    @Query("SELECT max(withdrawn_on) FROM designation WHERE school = :school")
    @Nullable
    LocalDate latestWithdrawal(String school);

    /** Every designation of the school, the latest first. */
    List<DesignationRow> findBySchoolOrderByCreatedAtDesc(String school);

    /**
     * Holds the tambon's activations until the transaction ends, so two activations in one tambon are checked one
     * after the other (the exclusion constraint would refuse the second anyway, but without naming the first).
     */
    @Query("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('designation-tambon:' || :tambonCode, 0))) held")
    long lockTambon(String tambonCode);

    /** A designation of the tambon, other than {@code except}, active at some date from {@code from} to {@code until}. */
    @Query("""
            SELECT * FROM designation
            WHERE tambon_code = :tambonCode AND id <> :except AND active_from IS NOT NULL
              AND daterange(active_from, withdrawn_on) && daterange(:from, :until)
            ORDER BY active_from LIMIT 1""")
    Optional<DesignationRow> findActiveOverlap(String tambonCode, UUID except, LocalDate from, @Nullable LocalDate until);

    /**
     * The one definition of "an active quality school on :on" over the {@code designation} table (as
     * {@link Designation} states it): active from a day no later than :on and not withdrawn by :on. Every query of
     * active designations says it with this. Spaces around it: a text block before it loses its trailing one.
     */
    String ACTIVE_ON = " (active_from <= :on AND (withdrawn_on IS NULL OR withdrawn_on > :on)) ";

    /** The designations of an ESA's schools (all ESAs when null) active on that date, by school code. */
    @Query(value = """
            SELECT designation_row_.* FROM designation designation_row_
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa) AND """ + ACTIVE_ON,
            countQuery = """
            SELECT count(*) FROM designation
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa) AND """ + ACTIVE_ON)
    Page<DesignationRow> findActiveOn(@Nullable String esa, LocalDate on, Pageable pageable);
}
