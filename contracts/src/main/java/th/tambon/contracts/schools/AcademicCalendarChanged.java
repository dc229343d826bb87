package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The academic calendar (ปฏิทินการศึกษา) changed: carries the whole calendar after the change, so a consumer needs no
 * rule of its own to know when any academic year opens and ends. Academic year BE {@code n} opens on its recorded
 * date when {@code recordedYears} has it (2563 opened on 1 July 2020), else on {@code defaultRule.opensOn} of CE
 * {@code n − 543}; its second semester begins likewise; it lasts until the day before year {@code n + 1} opens.
 * The calendar is one aggregate with one fixed key, {@value #KEY}, and its own {@code version}: 1 for the first
 * calendar announced, one more with each change.
 *
 * @param defaultRule   when the years that are not recorded open and turn to their second semester
 * @param recordedYears the years whose dates are recorded rather than the rule's, in year order; empty when none is
 *                      (absent in the JSON then, so read an absent list as empty)
 * @param changedAt     when schools-service announced this calendar
 * @param version       the calendar's version: keep the highest, ignore an older one
 */
public record AcademicCalendarChanged(
        DefaultRule defaultRule,
        List<RecordedYear> recordedYears,
        Instant changedAt,
        long version) implements EventData {

    public AcademicCalendarChanged {
        recordedYears = recordedYears == null ? List.of() : List.copyOf(recordedYears);
    }

    /** The one key of the calendar's events. */
    public static final String KEY = "academic-calendar";

    @Override
    public String key() {
        return KEY;
    }

    /**
     * The default rule, as ISO 8601 month-days ({@code --MM-DD}, what {@code java.time.MonthDay} reads and writes).
     *
     * @param opensOn            the day semester 1 opens, {@code --05-16}
     * @param secondSemesterFrom the day semester 2 begins, {@code --11-01}
     */
    public record DefaultRule(String opensOn, String secondSemesterFrom) {
    }

    /**
     * A year whose dates are recorded.
     *
     * @param yearBe             the academic year (BE), 2563; it opens in CE {@code yearBe − 543}
     * @param opensOn            the day semester 1 opened, 2020-07-01
     * @param secondSemesterFrom the day semester 2 began, 2020-12-01
     * @param note               why it differs from the rule (Thai), or null
     */
    public record RecordedYear(int yearBe, LocalDate opensOn, LocalDate secondSemesterFrom, String note) {
    }
}
