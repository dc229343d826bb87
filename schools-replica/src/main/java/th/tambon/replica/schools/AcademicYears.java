package th.tambon.replica.schools;

import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.schools.AcademicCalendarChanged.RecordedYear;
import th.tambon.http.ProgrammeDates;
import th.tambon.messaging.PoisonMessageException;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The academic years a calendar from schools.v1 makes, as the event says and nothing more: a recorded year opens and
 * turns to its second semester on its recorded days, any other year on the default rule's in CE {@code be − 543}, and
 * every year ends the day before the next one opens. One row for each year that holds a programme date
 * ({@link ProgrammeDates}: 2000-01-01, in BE 2542, to 2100-12-31, in BE 2643). A calendar that cannot make such years
 * is poison: it changes nothing and goes to the dead-letter topic.
 */
final class AcademicYears {
    private final MonthDay opening;
    private final MonthDay secondSemester;
    private final Map<Integer, RecordedYear> recorded = new HashMap<>();

    private AcademicYears(AcademicCalendarChanged calendar) {
        opening = monthDay("defaultRule.opensOn", calendar.defaultRule().opensOn());
        secondSemester = monthDay("defaultRule.secondSemesterFrom", calendar.defaultRule().secondSemesterFrom());
        if (!secondSemester.isAfter(opening)) {
            throw poison(calendar, "the default rule's second semester (" + secondSemester + ") must begin after the "
                    + "year opens (" + opening + ")");
        }
        for (RecordedYear year : calendar.recordedYears()) {
            if (year.opensOn().getYear() != year.yearBe() - 543) {
                throw poison(calendar, "recorded year " + year.yearBe() + " opens on " + year.opensOn() + ", not in "
                        + (year.yearBe() - 543));
            }
            if (!year.secondSemesterFrom().isAfter(year.opensOn())) {
                throw poison(calendar, "the second semester of recorded year " + year.yearBe()
                        + " must begin after the year opens");
            }
            if (recorded.put(year.yearBe(), year) != null) {
                throw poison(calendar, "year " + year.yearBe() + " is recorded twice");
            }
        }
    }

    /** The years of a calendar, in order, each ending the day before the next opens. */
    static List<AcademicYearReplica> of(AcademicCalendarChanged calendar) {
        AcademicYears years = new AcademicYears(calendar);
        List<AcademicYearReplica> rows = new ArrayList<>();
        for (int be = years.yearOf(ProgrammeDates.FIRST_DAY); be <= years.yearOf(ProgrammeDates.LAST_DAY); be++) {
            LocalDate closesOn = years.opensOn(be + 1).minusDays(1);
            LocalDate secondSemesterFrom = years.secondSemesterFrom(be);
            if (secondSemesterFrom.isAfter(closesOn)) {
                throw poison(calendar, "the second semester of " + be + " (" + secondSemesterFrom
                        + ") would begin after the year ends (" + closesOn + ")");
            }
            RecordedYear recorded = years.recorded.get(be);
            rows.add(new AcademicYearReplica(be, years.opensOn(be), closesOn, secondSemesterFrom, recorded != null,
                    recorded == null ? null : recorded.note()));
        }
        return rows;
    }

    /** A year opens in the CE year it is named after, so a date is in that year or in the one before. */
    private int yearOf(LocalDate date) {
        int be = date.getYear() + 543;
        return date.isBefore(opensOn(be)) ? be - 1 : be;
    }

    private LocalDate opensOn(int be) {
        RecordedYear year = recorded.get(be);
        return year != null ? year.opensOn() : opening.atYear(be - 543);
    }

    private LocalDate secondSemesterFrom(int be) {
        RecordedYear year = recorded.get(be);
        return year != null ? year.secondSemesterFrom() : secondSemester.atYear(be - 543);
    }

    private static MonthDay monthDay(String field, String value) {
        try {
            return MonthDay.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("academic calendar: " + field + " " + value + " is not a month-day", e);
        }
    }

    private static PoisonMessageException poison(AcademicCalendarChanged calendar, String why) {
        return new PoisonMessageException("academic calendar version " + calendar.version() + ": " + why);
    }
}
