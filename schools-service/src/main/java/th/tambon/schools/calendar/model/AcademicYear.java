package th.tambon.schools.calendar.model;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A Thai academic year (ปีการศึกษา), named by its Buddhist Era year, with its two semesters: the first from
 * {@code opensOn}, the second from {@code secondSemesterFrom}; the year lasts until the next one opens (a break belongs
 * to the semester before it). Most years follow {@link #byDefaultRule}; a year that did not (2563 opened on 1 July 2020
 * because of COVID-19) is recorded as data.
 *
 * @param recorded true when the boundaries are recorded data, false when they come from the default rule
 */
public record AcademicYear(int be, LocalDate opensOn, LocalDate secondSemesterFrom, boolean recorded) {
    /** The default rule: semester 1 opens on 16 May, semester 2 on 1 November. */
    public static final MonthDay DEFAULT_OPENING = MonthDay.of(5, 16);
    public static final MonthDay DEFAULT_SECOND_SEMESTER = MonthDay.of(11, 1);

    public AcademicYear {
        if (!secondSemesterFrom.isAfter(opensOn)) {
            throw new IllegalArgumentException("the second semester of " + be + " must begin after the year opens");
        }
        if (opensOn.getYear() != be - 543) {
            throw new IllegalArgumentException("academic year " + be + " opens in " + (be - 543) + ", not " + opensOn);
        }
    }

    /** Academic year BE {@code be} as the default rule has it: 16 May and 1 November of CE {@code be − 543}. */
    public static AcademicYear byDefaultRule(int be) {
        int ce = be - 543;
        return new AcademicYear(be, DEFAULT_OPENING.atYear(ce), DEFAULT_SECOND_SEMESTER.atYear(ce), false);
    }

    /** The semester (1 or 2) a date of this year falls in; the caller knows the date is within the year. */
    public int semesterOf(LocalDate date) {
        if (date.isBefore(opensOn)) {
            throw new IllegalArgumentException(date + " is before academic year " + be + " opens (" + opensOn + ")");
        }
        return date.isBefore(secondSemesterFrom) ? 1 : 2;
    }
}
