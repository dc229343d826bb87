package th.tambon.schools.designation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.http.ProgrammeDate;
import th.tambon.schools.designation.model.DesignationStatus;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/schools/{code}/designations/{id}/steps}. */
@Serdeable
@Schema(description = "The next status of a designation, its date and why")
public record StepRequest(
        @Schema(description = "DESIGNATED, ACTIVE or WITHDRAWN", example = "ACTIVE",
                allowableValues = {"DESIGNATED", "ACTIVE", "WITHDRAWN"})
        @NotBlank @Pattern(regexp = "DESIGNATED|ACTIVE|WITHDRAWN", message = "must be DESIGNATED, ACTIVE or WITHDRAWN")
        String status,
        @Schema(description = "the date the step takes effect: not before the previous step's, not after today",
                example = "2019-06-01") @NotNull @ProgrammeDate LocalDate on,
        @Schema(description = "why; required to withdraw", example = "ย้ายไปเป็นโรงเรียนในโครงการอื่น")
        @Nullable @Size(max = 500) String reason) {

    DesignationStatus statusValue() {
        return DesignationStatus.valueOf(status);
    }
}
