package th.tambon.replica.schools;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The one row of {@code schools_replica.academic_calendar}: the calendar's version this replica holds, its default
 * rule (ISO month-days, {@code --05-16}) and the event that brought them. Its years are {@link AcademicYearReplica}.
 */
@MappedEntity(value = "academic_calendar", schema = "schools_replica")
public record AcademicCalendarRow(
        @Id String id,
        String defaultOpensOn,
        String defaultSecondSemesterFrom,
        Instant changedAt,
        long version,
        String lastEventId,
        Instant updatedAt) {
}
