package th.tambon.replica.schools;

import org.junit.jupiter.api.Test;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.schools.AcademicCalendarChanged.DefaultRule;
import th.tambon.contracts.schools.AcademicCalendarChanged.RecordedYear;
import th.tambon.messaging.PoisonMessageException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcademicYearsTest {
    private static final DefaultRule RULE = new DefaultRule("--05-16", "--11-01");
    private static final RecordedYear COVID_2563 = new RecordedYear(2563, LocalDate.parse("2020-07-01"),
            LocalDate.parse("2020-12-01"), "เปิดภาคเรียนที่ 1 วันที่ 1 กรกฎาคม 2563 (สถานการณ์ COVID-19)");

    @Test
    void a_recorded_year_opens_on_its_day_and_the_year_before_it_ends_the_day_before() {
        List<AcademicYearReplica> years = AcademicYears.of(calendar(RULE, List.of(COVID_2563)));

        assertThat(year(years, 2562)).isEqualTo(new AcademicYearReplica(2562, LocalDate.parse("2019-05-16"),
                LocalDate.parse("2020-06-30"), LocalDate.parse("2019-11-01"), false, null));
        assertThat(year(years, 2563)).isEqualTo(new AcademicYearReplica(2563, LocalDate.parse("2020-07-01"),
                LocalDate.parse("2021-05-15"), LocalDate.parse("2020-12-01"), true, COVID_2563.note()));
    }

    @Test
    void the_years_follow_the_event_s_rule_not_one_of_the_replica_s_own() {
        List<AcademicYearReplica> years = AcademicYears.of(calendar(new DefaultRule("--06-01", "--11-15"), List.of()));

        assertThat(year(years, 2570).dates()).isEqualTo(new DateRange(LocalDate.parse("2027-06-01"),
                LocalDate.parse("2028-05-31")));
        assertThat(year(years, 2570).secondSemesterFrom()).isEqualTo(LocalDate.parse("2027-11-15"));
    }

    @Test
    void the_years_cover_every_programme_date_once_from_2542_to_2643() {
        List<AcademicYearReplica> years = AcademicYears.of(calendar(RULE, List.of(COVID_2563)));

        assertThat(years.get(0).yearBe()).isEqualTo(2542);
        assertThat(years.get(0).dates().contains(LocalDate.parse("2000-01-01"))).isTrue();
        assertThat(years.get(years.size() - 1).yearBe()).isEqualTo(2643);
        assertThat(years.get(years.size() - 1).dates().contains(LocalDate.parse("2100-12-31"))).isTrue();
        for (int i = 1; i < years.size(); i++) {
            assertThat(years.get(i).yearBe()).isEqualTo(years.get(i - 1).yearBe() + 1);
            assertThat(years.get(i).opensOn()).isEqualTo(years.get(i - 1).closesOn().plusDays(1));
        }
    }

    @Test
    void a_calendar_that_cannot_make_years_is_poison() {
        RecordedYear wrongYear = new RecordedYear(2564, LocalDate.parse("2020-07-01"), LocalDate.parse("2020-12-01"), null);
        RecordedYear backwards = new RecordedYear(2564, LocalDate.parse("2021-07-01"), LocalDate.parse("2021-06-01"), null);
        RecordedYear lateSecondSemester = new RecordedYear(2563, LocalDate.parse("2020-07-01"),
                LocalDate.parse("2021-06-01"), null);

        assertThatThrownBy(() -> AcademicYears.of(calendar(RULE, List.of(wrongYear))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("2564 opens on 2020-07-01");
        assertThatThrownBy(() -> AcademicYears.of(calendar(RULE, List.of(backwards))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("must begin after the year opens");
        assertThatThrownBy(() -> AcademicYears.of(calendar(RULE, List.of(lateSecondSemester))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("after the year ends");
        assertThatThrownBy(() -> AcademicYears.of(calendar(RULE, List.of(COVID_2563, COVID_2563))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("recorded twice");
        assertThatThrownBy(() -> AcademicYears.of(calendar(new DefaultRule("--02-30", "--11-01"), List.of())))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("--02-30");
    }

    private static AcademicCalendarChanged calendar(DefaultRule rule, List<RecordedYear> recorded) {
        return new AcademicCalendarChanged(rule, recorded, Instant.parse("2020-06-15T03:00:00Z"), 1);
    }

    private static AcademicYearReplica year(List<AcademicYearReplica> years, int be) {
        return years.stream().filter(y -> y.yearBe() == be).findFirst().orElseThrow();
    }
}
