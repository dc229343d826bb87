package th.tambon.schools.calendar.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.schools.calendar.model.AcademicCalendar;
import th.tambon.schools.calendar.model.AcademicYear;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code academic_year} table (the recorded years; a migration adds one), and the calendar built on it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AcademicYearRepository extends CrudRepository<AcademicYearRow, Integer> {

    /** The recorded years, in year order. */
    List<AcademicYearRow> listOrderByYearBe();

    /** The calendar: the recorded years (a few rows, read at once) and the default rule for the others. */
    default AcademicCalendar calendar() {
        Map<Integer, AcademicYear> recorded = new HashMap<>();
        findAll().forEach(row -> recorded.put(row.yearBe(), row.toAcademicYear()));
        return AcademicCalendar.of(recorded);
    }
}
