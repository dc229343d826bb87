package th.tambon.schools.plan.model;

import org.junit.jupiter.api.Test;
import th.tambon.service.Step;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentPlanTest {
    private static final Target INNOVATION = new Target(Track.INNOVATION, "นวัตกรรมการสอนอ่าน 1 ชิ้น", "อ่านออกร้อยละ 90");
    private static final Target ITA = new Target(Track.ITA, "ผ่าน ITA online ระดับ A", null);

    private static DevelopmentPlan draft(List<Target> targets) {
        return DevelopmentPlan.draft(UUID.randomUUID(), "31040001", "P31-4", 2563, targets, 2563).result();
    }

    @Test
    void a_drafted_plan_is_submitted_then_approved_each_step_a_new_version() {
        DevelopmentPlan submitted = draft(List.of(INNOVATION)).advance(PlanStatus.SUBMITTED, null).result();
        DevelopmentPlan approved = submitted.advance(PlanStatus.APPROVED, null).result();

        assertThat(submitted.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(3);
    }

    @Test
    void a_returned_plan_keeps_its_reason_while_it_is_revised_and_is_submitted_again() {
        DevelopmentPlan returned = draft(List.of(INNOVATION)).advance(PlanStatus.SUBMITTED, null).result()
                .advance(PlanStatus.RETURNED, " เพิ่มเป้าหมายด้าน ITA ").result();
        DevelopmentPlan revised = returned.revise(List.of(ITA, INNOVATION)).result();
        DevelopmentPlan resubmitted = revised.advance(PlanStatus.SUBMITTED, null).result();

        assertThat(returned.returnReason()).isEqualTo("เพิ่มเป้าหมายด้าน ITA");
        assertThat(revised.returnReason()).isEqualTo("เพิ่มเป้าหมายด้าน ITA");
        assertThat(revised.targets()).extracting(Target::track).containsExactly(Track.INNOVATION, Track.ITA);
        assertThat(resubmitted.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(resubmitted.returnReason()).isNull();
    }

    @Test
    void a_plan_is_returned_only_with_a_reason() {
        Step<DevelopmentPlan> step = draft(List.of(INNOVATION)).advance(PlanStatus.SUBMITTED, null).result()
                .advance(PlanStatus.RETURNED, "  ");

        assertThat(step.taken()).isFalse();
        assertThat(step.field()).isEqualTo("reason");
        assertThat(step.illegal()).isFalse();
    }

    @Test
    void a_plan_without_targets_cannot_be_submitted() {
        Step<DevelopmentPlan> step = draft(List.of()).advance(PlanStatus.SUBMITTED, null);

        assertThat(step.field()).isEqualTo("targets");
        assertThat(step.refusal()).isEqualTo("a plan needs at least one target to be submitted");
    }

    @Test
    void a_submitted_plan_cannot_be_changed_until_its_esa_returns_it() {
        Step<DevelopmentPlan> step = draft(List.of(INNOVATION)).advance(PlanStatus.SUBMITTED, null).result()
                .revise(List.of(ITA));

        assertThat(step.illegal()).isTrue();
        assertThat(step.refusal()).isEqualTo("a plan that is SUBMITTED cannot be changed; its ESA approves it or returns it first");
    }

    @Test
    void an_approved_plan_is_final() {
        DevelopmentPlan approved = draft(List.of(INNOVATION)).advance(PlanStatus.SUBMITTED, null).result()
                .advance(PlanStatus.APPROVED, null).result();

        assertThat(approved.advance(PlanStatus.RETURNED, "ทบทวน").refusal()).isEqualTo("a plan that is APPROVED cannot become RETURNED");
        assertThat(approved.revise(List.of(ITA)).illegal()).isTrue();
    }

    @Test
    void a_draft_cannot_be_approved_without_being_submitted() {
        Step<DevelopmentPlan> step = draft(List.of(INNOVATION)).advance(PlanStatus.APPROVED, null);

        assertThat(step.illegal()).isTrue();
        assertThat(step.refusal()).isEqualTo("a plan that is DRAFT cannot become APPROVED; it can become [SUBMITTED]");
    }

    @Test
    void a_track_has_one_target_at_most_and_each_target_needs_its_goal() {
        Step<DevelopmentPlan> twice = DevelopmentPlan.draft(UUID.randomUUID(), "31040001", "P31-4", 2563,
                List.of(ITA, INNOVATION, new Target(Track.ITA, "อีกข้อ", null)), 2563);
        Step<DevelopmentPlan> blank = DevelopmentPlan.draft(UUID.randomUUID(), "31040001", "P31-4", 2563,
                List.of(new Target(Track.OCCUPATION, " ", null)), 2563);

        assertThat(twice.field()).isEqualTo("targets[2].track");
        assertThat(twice.refusal()).isEqualTo("ITA has a target already: one per track");
        assertThat(blank.field()).isEqualTo("targets[0].goal");
    }

    @Test
    void a_plan_is_made_at_most_one_academic_year_ahead() {
        Step<DevelopmentPlan> ahead = DevelopmentPlan.draft(UUID.randomUUID(), "31040001", "P31-4", 2571,
                List.of(INNOVATION), 2569);

        assertThat(ahead.field()).isEqualTo("academicYear");
        assertThat(DevelopmentPlan.draft(UUID.randomUUID(), "31040001", "P31-4", 2570, List.of(), 2569).taken()).isTrue();
    }
}
