package th.tambon.http;

import java.time.LocalDate;

/**
 * The dates Tambon keeps: 2000-01-01 to 2100-12-31, and the Buddhist Era years 2543 to 2643 that name them (academic
 * and fiscal years). Wide enough for a school's history before the programme (it began in fiscal year 2563) and for
 * any plan ahead; narrow enough that a typo (year 20200, year -5000) is refused with a 422 naming the field rather
 * than stored, or failing in the database (docs/decisions/0013).
 */
public final class ProgrammeDates {
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    /** BE 2543 is CE 2000. */
    public static final int FIRST_YEAR_BE = 2543;
    /** BE 2643 is CE 2100. */
    public static final int LAST_YEAR_BE = 2643;
    public static final String DATE_MESSAGE = "must be from 2000-01-01 to 2100-12-31, the dates Tambon keeps";

    private ProgrammeDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }
}
