package th.tambon.events.activity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.events.activity.model.ActivityState;

import java.math.BigDecimal;

/** Body of {@code POST /api/v1/activities/{id}/transitions}. */
@Serdeable
@Schema(description = "Move an activity on in its life")
public record TransitionRequest(
        @Schema(description = "PLANNED (with funding: FUNDING_REQUESTED until budget-service answers), HELD, REPORTED, "
                + "CLOSED, CANCELLED, or DRAFT (a rejected one, to change its funding)", example = "HELD",
                allowableValues = {"PLANNED", "HELD", "REPORTED", "CLOSED", "CANCELLED", "DRAFT"})
        @NotBlank @Pattern(regexp = "PLANNED|HELD|REPORTED|CLOSED|CANCELLED|DRAFT",
                message = "must be PLANNED, HELD, REPORTED, CLOSED, CANCELLED or DRAFT") String to,
        @Schema(description = "why: required to cancel", example = "เลื่อนออกไปเนื่องจากสถานการณ์ COVID-19")
        @Nullable @Size(max = 500) String reason,
        @Schema(description = "what it cost, in baht, when REPORTED; required for a funded activity",
                example = "21700.00", type = "string", format = "decimal")
        @Nullable @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal actualCost) {

    ActivityState target() {
        return ActivityState.valueOf(to);
    }
}
