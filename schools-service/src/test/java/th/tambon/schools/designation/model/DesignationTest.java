package th.tambon.schools.designation.model;

import th.tambon.service.Step;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DesignationTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final LocalDate MAY_15 = LocalDate.parse("2019-05-15");
    private static final LocalDate JUNE_1 = LocalDate.parse("2019-06-01");

    private static Designation nominated() {
        return Designation.nominate(UUID.randomUUID(), "31040001", "P31-4", "312104", MAY_15, TODAY, null).result();
    }

    @Test
    void a_nominated_school_is_designated_then_active_then_withdrawn_each_step_keeping_its_date() {
        Designation designated = nominated().advance(DesignationStatus.DESIGNATED, JUNE_1, null, TODAY).result();
        Designation active = designated.advance(DesignationStatus.ACTIVE, JUNE_1, null, TODAY).result();
        Designation withdrawn = active.advance(DesignationStatus.WITHDRAWN, LocalDate.parse("2021-05-01"),
                "ควบรวมโรงเรียน", TODAY).result();

        assertThat(withdrawn.status()).isEqualTo(DesignationStatus.WITHDRAWN);
        assertThat(withdrawn.nominatedOn()).isEqualTo(MAY_15);
        assertThat(withdrawn.designatedOn()).isEqualTo(JUNE_1);
        assertThat(withdrawn.activeFrom()).isEqualTo(JUNE_1);
        assertThat(withdrawn.withdrawnOn()).isEqualTo(LocalDate.parse("2021-05-01"));
    }

    @Test
    void a_step_the_status_does_not_allow_is_illegal_and_names_what_it_can_become() {
        Step<Designation> skipped = nominated().advance(DesignationStatus.ACTIVE, JUNE_1, null, TODAY);

        assertThat(skipped.taken()).isFalse();
        assertThat(skipped.illegal()).isTrue();
        assertThat(skipped.refusal()).isEqualTo("a designation that is NOMINATED cannot become ACTIVE; it can become [DESIGNATED, WITHDRAWN]");
    }

    @Test
    void a_withdrawn_designation_takes_no_further_step() {
        Designation withdrawn = nominated().advance(DesignationStatus.WITHDRAWN, JUNE_1, "ไม่ผ่านเกณฑ์", TODAY).result();

        assertThat(withdrawn.advance(DesignationStatus.DESIGNATED, JUNE_1, null, TODAY).illegal()).isTrue();
    }

    @Test
    void a_withdrawal_needs_its_reason() {
        Step<Designation> step = nominated().advance(DesignationStatus.WITHDRAWN, JUNE_1, " ", TODAY);

        assertThat(step.taken()).isFalse();
        assertThat(step.illegal()).isFalse();
        assertThat(step.field()).isEqualTo("reason");
    }

    @Test
    void a_step_is_not_dated_before_the_previous_one_nor_after_today() {
        assertThat(nominated().advance(DesignationStatus.DESIGNATED, LocalDate.parse("2019-05-14"), null, TODAY).field())
                .isEqualTo("on");
        assertThat(nominated().advance(DesignationStatus.DESIGNATED, TODAY.plusDays(1), null, TODAY).field())
                .isEqualTo("on");
        assertThat(Designation.nominate(UUID.randomUUID(), "31040001", "P31-4", "312104", TODAY.plusDays(1), TODAY, null)
                .taken()).isFalse();
    }

    @Test
    void a_designation_in_force_is_active_from_its_historical_date_and_its_dates_must_be_in_order() {
        Designation inForce = Designation.inForce(UUID.randomUUID(), "31040001", "P31-4", "312104", JUNE_1, JUNE_1,
                JUNE_1, TODAY, null).result();

        assertThat(inForce.status()).isEqualTo(DesignationStatus.ACTIVE);
        assertThat(inForce.activeFrom()).isEqualTo(JUNE_1);
        assertThat(Designation.inForce(UUID.randomUUID(), "31040001", "P31-4", "312104", JUNE_1, MAY_15, JUNE_1, TODAY, null)
                .field()).isEqualTo("designatedOn");
        assertThat(Designation.inForce(UUID.randomUUID(), "31040001", "P31-4", "312104", MAY_15, JUNE_1, MAY_15, TODAY, null)
                .field()).isEqualTo("activeFrom");
    }

    @Test
    void a_school_is_active_from_its_first_day_up_to_but_not_on_the_day_it_is_withdrawn() {
        Designation withdrawn = Designation.inForce(UUID.randomUUID(), "31040001", "P31-4", "312104", JUNE_1, JUNE_1,
                JUNE_1, TODAY, null).result().advance(DesignationStatus.WITHDRAWN, LocalDate.parse("2020-10-01"), "ยุบ",
                TODAY).result();

        assertThat(withdrawn.activeOn(LocalDate.parse("2019-05-31"))).isFalse();
        assertThat(withdrawn.activeOn(JUNE_1)).isTrue();
        assertThat(withdrawn.activeOn(LocalDate.parse("2020-09-30"))).isTrue();
        assertThat(withdrawn.activeOn(LocalDate.parse("2020-10-01"))).isFalse();
    }

    @Test
    void a_new_designation_begins_no_earlier_than_the_day_the_schools_previous_one_was_withdrawn() {
        LocalDate withdrawn = LocalDate.parse("2020-10-01");

        var inside = Designation.nominate(UUID.randomUUID(), "31040001", "P31-4", "312104", withdrawn.minusDays(1),
                TODAY, withdrawn);
        var onTheDay = Designation.nominate(UUID.randomUUID(), "31040001", "P31-4", "312104", withdrawn, TODAY, withdrawn);
        var inForceInside = Designation.inForce(UUID.randomUUID(), "31040001", "P31-4", "312104", JUNE_1, JUNE_1,
                JUNE_1, TODAY, withdrawn);
        var nominatedInside = Designation.inForce(UUID.randomUUID(), "31040001", "P31-4", "312104", JUNE_1, withdrawn,
                withdrawn, TODAY, withdrawn);

        assertThat(inside.field()).isEqualTo("on");
        assertThat(inside.refusal()).isEqualTo("school 31040001's previous designation was withdrawn on 2020-10-01: a new "
                + "one cannot begin before that");
        assertThat(onTheDay.taken()).isTrue();
        assertThat(inForceInside.field()).isEqualTo("designatedOn");
        assertThat(nominatedInside.field()).isEqualTo("nominatedOn");
    }
}
