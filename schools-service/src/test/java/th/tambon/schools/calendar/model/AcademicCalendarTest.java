package th.tambon.schools.calendar.model;

import org.junit.jupiter.api.Test;
import th.tambon.http.ThaiDates;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcademicCalendarTest {
    private static final AcademicYear COVID_2563 =
            new AcademicYear(2563, LocalDate.parse("2020-07-01"), LocalDate.parse("2020-12-01"), true);
    private final AcademicCalendar calendar = AcademicCalendar.of(Map.of(2563, COVID_2563));

    @Test
    void academic_year_2563_opened_on_1_july_2020_as_recorded() {
        assertThat(calendar.year(2563)).isEqualTo(COVID_2563);
        assertThat(calendar.year(2563).recorded()).isTrue();
    }

    @Test
    void a_year_not_recorded_follows_the_default_rule_of_16_may_and_1_november() {
        AcademicYear year = calendar.year(2566);

        assertThat(year.opensOn()).isEqualTo(LocalDate.parse("2023-05-16"));
        assertThat(year.secondSemesterFrom()).isEqualTo(LocalDate.parse("2023-11-01"));
        assertThat(year.recorded()).isFalse();
    }

    @Test
    void the_seed_stories_fall_in_the_first_semester_of_2563() {
        assertThat(calendar.on(LocalDate.parse("2020-07-21")).year().be()).isEqualTo(2563);
        assertThat(calendar.on(LocalDate.parse("2020-07-21")).semester()).isEqualTo(1);
        assertThat(calendar.on(LocalDate.parse("2020-09-28")).semester()).isEqualTo(1);
    }

    @Test
    void the_weeks_before_the_late_opening_of_2563_still_belong_to_2562() {
        assertThat(calendar.on(LocalDate.parse("2020-06-30")).year().be()).isEqualTo(2562);
        assertThat(calendar.on(LocalDate.parse("2020-06-30")).semester()).isEqualTo(2);
        assertThat(calendar.lastDay(2562)).isEqualTo(LocalDate.parse("2020-06-30"));
        assertThat(calendar.on(LocalDate.parse("2020-07-01")).year().be()).isEqualTo(2563);
    }

    @Test
    void january_to_may_belong_to_the_second_semester_of_the_year_that_opened_the_year_before() {
        var date = calendar.on(LocalDate.parse("2021-03-15"));

        assertThat(date.year().be()).isEqualTo(2563);
        assertThat(date.semester()).isEqualTo(2);
        assertThat(calendar.on(LocalDate.parse("2021-05-16")).year().be()).isEqualTo(2564);
        assertThat(calendar.lastDay(2563)).isEqualTo(LocalDate.parse("2021-05-15"));
    }

    @Test
    void the_break_between_semesters_belongs_to_the_first_semester() {
        assertThat(calendar.on(LocalDate.parse("2020-11-20")).semester()).isEqualTo(1);
        assertThat(calendar.on(LocalDate.parse("2020-12-01")).semester()).isEqualTo(2);
    }

    @Test
    void a_recorded_year_must_open_in_its_own_year_and_before_its_second_semester() {
        assertThatThrownBy(() -> new AcademicYear(2563, LocalDate.parse("2021-07-01"), LocalDate.parse("2021-12-01"), true))
                .hasMessageContaining("opens in 2020");
        assertThatThrownBy(() -> new AcademicYear(2563, LocalDate.parse("2020-07-01"), LocalDate.parse("2020-07-01"), true))
                .hasMessageContaining("second semester");
    }

    @Test
    void people_read_dates_with_thai_month_names_and_buddhist_era_years() {
        assertThat(ThaiDates.format(LocalDate.parse("2020-07-21"))).isEqualTo("21 กรกฎาคม 2563");
        assertThat(ThaiDates.format(LocalDate.parse("2020-09-28"))).isEqualTo("28 กันยายน 2563");
    }
}
