package th.tambon.schools.plan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.schools.plan.model.PlanStatus;

/** Body of {@code POST /api/v1/schools/{code}/plans/{year}/steps}. */
@Serdeable
@Schema(description = "The plan's next status: SUBMITTED by the school, APPROVED or RETURNED (with the reason) by its ESA")
public record PlanStepRequest(
        @Schema(example = "SUBMITTED", allowableValues = {"SUBMITTED", "APPROVED", "RETURNED"})
        @NotBlank @Pattern(regexp = "SUBMITTED|APPROVED|RETURNED", message = "must be SUBMITTED, APPROVED or RETURNED")
        String status,
        @Schema(description = "why it is returned; required for RETURNED", example = "เพิ่มตัวชี้วัดของเป้าหมายด้าน ITA")
        @Nullable @Size(max = 500) String reason) {

    PlanStatus statusValue() {
        return PlanStatus.valueOf(status);
    }
}
