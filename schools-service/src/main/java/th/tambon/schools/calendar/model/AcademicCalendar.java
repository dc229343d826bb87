package th.tambon.schools.calendar.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The academic years: the recorded ones, the default rule for the rest. Answers which academic year and semester a
 * date falls in, and when a year ends (the day before the next one opens).
 */
public final class AcademicCalendar {
    private final IntFunction<Optional<AcademicYear>> recorded;

    /** {@code recorded} finds a recorded year by its BE number. */
    public AcademicCalendar(IntFunction<Optional<AcademicYear>> recorded) {
        this.recorded = recorded;
    }

    public static AcademicCalendar of(Map<Integer, AcademicYear> recorded) {
        return new AcademicCalendar(be -> Optional.ofNullable(recorded.get(be)));
    }

    public AcademicYear year(int be) {
        return recorded.apply(be).orElseGet(() -> AcademicYear.byDefaultRule(be));
    }

    /** The last day of academic year {@code be}: the day before {@code be + 1} opens. */
    public LocalDate lastDay(int be) {
        return year(be + 1).opensOn().minusDays(1);
    }

    /** The academic year and semester of a date. */
    public AcademicDate on(LocalDate date) {
        // A year opens in its own CE year, so the date is in the year named after its CE year, or in the one before.
        AcademicYear year = year(date.getYear() + 543);
        if (date.isBefore(year.opensOn())) {
            year = year(date.getYear() + 542);
        }
        return new AcademicDate(date, year, year.semesterOf(date));
    }

    /** A date placed in its academic year and semester. */
    public record AcademicDate(LocalDate date, AcademicYear year, int semester) {
    }
}
