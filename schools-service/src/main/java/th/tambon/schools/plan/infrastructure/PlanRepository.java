package th.tambon.schools.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code development_plan} table; {@link Plans} joins it with the targets. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class PlanRepository implements CrudRepository<PlanRow, UUID> {
    private final JdbcOperations jdbc;

    protected PlanRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public abstract Optional<PlanRow> findBySchoolAndAcademicYear(String school, int academicYear);

    /** The school's plans, the latest academic year first. */
    public abstract List<PlanRow> findBySchoolOrderByAcademicYearDesc(String school);

    /** The plan of that school and year, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<PlanRow> lockBySchoolAndAcademicYear(String school, int academicYear) {
        return RowLocks.read(jdbc, PlanRow.class, "SELECT * FROM development_plan WHERE school = ? AND academic_year = ?"
                + " FOR NO KEY UPDATE", school, academicYear).stream().findFirst();
    }

    /** Stores a plan's status, return reason and version after a change (its school, ESA, year and creation stay). */
    public abstract void update(@Id UUID id, String status, @Nullable String returnReason, Instant updatedAt,
                                long version);

    /** Plans filtered by ESA, academic year and status (each optional), a page at a time. */
    @Query(value = """
            SELECT plan_row_.* FROM development_plan plan_row_
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:academicYear AS INT) IS NULL OR academic_year = :academicYear)
              AND (CAST(:status AS TEXT) IS NULL OR status = :status)""",
            countQuery = """
            SELECT count(*) FROM development_plan
            WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
              AND (CAST(:academicYear AS INT) IS NULL OR academic_year = :academicYear)
              AND (CAST(:status AS TEXT) IS NULL OR status = :status)""")
    public abstract Page<PlanRow> list(@Nullable String esa, @Nullable Integer academicYear, @Nullable String status, Pageable pageable);
}
