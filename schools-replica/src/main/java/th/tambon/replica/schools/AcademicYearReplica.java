package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/**
 * A row of {@code schools_replica.academic_year}: an academic year as the calendar from schools.v1 has it, with its
 * last day (the day before the next year opens), so SQL can place a date in its year.
 *
 * @param recorded true when schools-service recorded its dates, false when they follow the default rule
 * @param note     why a recorded year differs from the rule, else null
 */
@MappedEntity(value = "academic_year", schema = "schools_replica")
public record AcademicYearReplica(
        @Id Integer yearBe,
        LocalDate opensOn,
        LocalDate closesOn,
        LocalDate secondSemesterFrom,
        boolean recorded,
        @Nullable String note) {

    /** The year's days, from the day it opens to the day before the next one opens. */
    public DateRange dates() {
        return new DateRange(opensOn, closesOn);
    }
}
