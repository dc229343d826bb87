package th.tambon.replica.schools;

import jakarta.inject.Singleton;
import th.tambon.contracts.schools.AcademicCalendarChanged;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The academic calendar as this service knows it from schools.v1, never from a rule of its own: which academic year
 * (BE) a date falls in, and when a year begins and ends. Everything is empty until the first calendar has arrived.
 * In SQL, join {@code schools_replica.academic_year} ({@link AcademicYearReplica}) instead:
 * {@code JOIN schools_replica.academic_year y ON a.starts_on BETWEEN y.opens_on AND y.closes_on}.
 */
@Singleton
public class AcademicCalendarReplica {
    private final AcademicCalendarRepository calendars;
    private final AcademicYearReplicaRepository years;

    AcademicCalendarReplica(AcademicCalendarRepository calendars, AcademicYearReplicaRepository years) {
        this.calendars = calendars;
        this.years = years;
    }

    /**
     * The academic year (BE) {@code date} falls in: 2020-06-30 is in 2562, 2020-07-01 in 2563. Empty until a calendar
     * has arrived, and for a date outside 2000-01-01..2100-12-31.
     */
    public Optional<Integer> academicYearOf(LocalDate date) {
        return years.findContaining(date).map(AcademicYearReplica::yearBe);
    }

    /**
     * Academic year {@code be}'s first and last day (the day before the next one opens): 2563 is 2020-07-01 ..
     * 2021-05-15. Empty until a calendar has arrived, and for a year that holds no date of 2000-01-01..2100-12-31.
     */
    public Optional<DateRange> academicYear(int be) {
        return years.findById(be).map(AcademicYearReplica::dates);
    }

    /** The version of the calendar this replica holds; empty until one has arrived. */
    public Optional<Long> version() {
        return calendars.findById(AcademicCalendarChanged.KEY).map(AcademicCalendarRow::version);
    }

    /**
     * Applies a calendar from schools.v1 in the caller's transaction, unless this replica holds its version or a later
     * one: the rule and version, then every year rewritten. A calendar that cannot make years changes nothing (poison).
     */
    void apply(AcademicCalendarChanged calendar, String eventId) {
        List<AcademicYearReplica> rows = AcademicYears.of(calendar);
        if (calendars.upsert(calendar.key(), calendar.defaultRule().opensOn(),
                calendar.defaultRule().secondSemesterFrom(), calendar.changedAt(), calendar.version(), eventId) == 1) {
            years.deleteAll();
            years.saveAll(rows);
        }
    }
}
