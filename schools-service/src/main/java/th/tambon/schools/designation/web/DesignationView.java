package th.tambon.schools.designation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.designation.infrastructure.DesignationStepRow;
import th.tambon.schools.designation.model.Designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(description = "A quality-school designation and its history")
public record DesignationView(
        @Schema(description = "the designation's id") String id,
        @Schema(description = "SMIS code", example = "31040001") String school,
        @Schema(example = "P31-4") String esa,
        @Schema(example = "312104") String tambonCode,
        @Schema(example = "ACTIVE", allowableValues = {"NOMINATED", "DESIGNATED", "ACTIVE", "WITHDRAWN"}) String status,
        @Schema(example = "2019-06-01") LocalDate nominatedOn,
        @Schema(example = "2019-06-01") @Nullable LocalDate designatedOn,
        @Schema(description = "from which date it is an active quality school", example = "2019-06-01") @Nullable LocalDate activeFrom,
        @Schema(description = "from which date it no longer is") @Nullable LocalDate withdrawnOn,
        @Schema(description = "every step, the first first") List<StepView> steps) {

    static DesignationView of(Designation d, List<DesignationStepRow> steps) {
        return new DesignationView(d.id().toString(), d.school(), d.esa(), d.tambonCode(), d.status().name(),
                d.nominatedOn(), d.designatedOn(), d.activeFrom(), d.withdrawnOn(),
                steps.stream().map(StepView::of).toList());
    }

    @Serdeable
    @Schema(description = "One step of a designation")
    public record StepView(
            @Schema(example = "ACTIVE") String status,
            @Schema(description = "the date it took effect", example = "2019-06-01") LocalDate on,
            @Nullable String reason,
            @Schema(description = "when it was recorded") Instant recordedAt,
            @Schema(description = "who recorded it (the token's subject)", example = "obec-admin") String recordedBy) {
        static StepView of(DesignationStepRow row) {
            return new StepView(row.status(), row.effectiveOn(), row.reason(), row.recordedAt(), row.recordedBy());
        }
    }
}
