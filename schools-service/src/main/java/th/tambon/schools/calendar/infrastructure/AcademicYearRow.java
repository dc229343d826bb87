package th.tambon.schools.calendar.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import th.tambon.schools.calendar.model.AcademicYear;

import java.time.LocalDate;

/** A row of {@code academic_year}: a year whose boundaries are recorded rather than the default rule's. */
@MappedEntity("academic_year")
public record AcademicYearRow(@Id Integer yearBe, LocalDate opensOn, LocalDate secondSemesterFrom, @Nullable String note) {
    public AcademicYear toAcademicYear() {
        return new AcademicYear(yearBe, opensOn, secondSemesterFrom, true);
    }
}
