package th.tambon.schools.plan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.plan.infrastructure.PlanStepRow;
import th.tambon.schools.plan.model.DevelopmentPlan;
import th.tambon.schools.plan.model.Target;

import java.time.Instant;
import java.util.List;

@Serdeable
@Schema(description = "A school's development plan (แผนพัฒนาคุณภาพ) for an academic year")
public record PlanView(
        @Schema(description = "the plan's id") String id,
        @Schema(description = "SMIS code", example = "31040001") String school,
        @Schema(example = "P31-4") String esa,
        @Schema(description = "academic year (BE)", example = "2563") int academicYear,
        @Schema(example = "SUBMITTED", allowableValues = {"DRAFT", "SUBMITTED", "APPROVED", "RETURNED"}) String status,
        @Schema(description = "why its ESA returned it; while it is RETURNED") @Nullable String returnReason,
        @Schema(description = "the targets, in track order") List<TargetView> targets,
        @Schema(description = "what happened to it, the first first; absent in lists") @Nullable List<StepView> history,
        @Schema(description = "counts the plan's changes: 1 when drafted; also its ETag", example = "1") long version) {

    static PlanView of(DevelopmentPlan plan, List<PlanStepRow> history) {
        return new PlanView(plan.id().toString(), plan.school(), plan.esa(), plan.academicYear(), plan.status().name(),
                plan.returnReason(), plan.targets().stream().map(TargetView::of).toList(),
                history == null ? null : history.stream().map(StepView::of).toList(), plan.version());
    }

    @Serdeable
    @Schema(description = "One target of a plan")
    public record TargetView(
            @Schema(example = "INNOVATION") String track,
            @Schema(example = "1 โรงเรียน 1 นวัตกรรม") String trackTh,
            @Schema(example = "นวัตกรรมการสอนอ่านออกเขียนได้ 1 ชิ้น") String goal,
            @Schema(example = "นักเรียนชั้น ป.1 อ่านออกร้อยละ 90") @Nullable String indicator) {
        static TargetView of(Target target) {
            return new TargetView(target.track().name(), target.track().labelTh(), target.goal(), target.indicator());
        }
    }

    @Serdeable
    @Schema(description = "One change of a plan")
    public record StepView(
            @Schema(example = "SUBMITTED", allowableValues = {"DRAFTED", "REVISED", "SUBMITTED", "APPROVED", "RETURNED"})
            String change,
            @Schema(description = "the status after it", example = "SUBMITTED") String status,
            @Nullable String reason,
            Instant recordedAt,
            @Schema(description = "who (the token's subject)") String recordedBy) {
        static StepView of(PlanStepRow row) {
            return new StepView(row.change(), row.status(), row.reason(), row.recordedAt(), row.recordedBy());
        }
    }
}
