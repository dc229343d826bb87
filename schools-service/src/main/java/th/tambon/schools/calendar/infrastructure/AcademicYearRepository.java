package th.tambon.schools.calendar.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.schools.calendar.model.AcademicCalendar;

/** The {@code academic_year} table (the recorded years; a migration adds one), and the calendar built on it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AcademicYearRepository extends CrudRepository<AcademicYearRow, Integer> {

    /** The calendar: the recorded years, read when asked for, and the default rule for the others. */
    default AcademicCalendar calendar() {
        return new AcademicCalendar(be -> findById(be).map(AcademicYearRow::toAcademicYear));
    }
}
