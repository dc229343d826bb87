package th.tambon.replica.schools;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Optional;

/** {@code schools_replica.academic_year}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AcademicYearReplicaRepository extends CrudRepository<AcademicYearReplica, Integer> {

    /** The academic year a date falls in. */
    @Query("SELECT * FROM schools_replica.academic_year WHERE opens_on <= :date AND closes_on >= :date")
    Optional<AcademicYearReplica> findContaining(LocalDate date);
}
