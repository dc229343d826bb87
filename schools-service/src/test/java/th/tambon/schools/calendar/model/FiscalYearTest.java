package th.tambon.schools.calendar.model;

import org.junit.jupiter.api.Test;
import th.tambon.http.FiscalYear;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalYearTest {

    @Test
    void fiscal_year_2563_runs_from_1_october_2019_to_30_september_2020() {
        assertThat(FiscalYear.of(2563).firstDay()).isEqualTo(LocalDate.parse("2019-10-01"));
        assertThat(FiscalYear.of(2563).lastDay()).isEqualTo(LocalDate.parse("2020-09-30"));
    }

    @Test
    void a_date_in_october_belongs_to_the_next_years_budget() {
        assertThat(FiscalYear.containing(LocalDate.parse("2019-10-01"))).isEqualTo(FiscalYear.of(2563));
        assertThat(FiscalYear.containing(LocalDate.parse("2020-09-30"))).isEqualTo(FiscalYear.of(2563));
        assertThat(FiscalYear.containing(LocalDate.parse("2020-10-01"))).isEqualTo(FiscalYear.of(2564));
    }
}
