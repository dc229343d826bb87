package th.tambon.schools.plan.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.tambon.http.ProgrammeDates;

import java.util.List;

/** Body of {@code POST /api/v1/schools/{code}/plans}. */
@Serdeable
@Schema(description = "A new development plan: its academic year and the targets the school has so far")
public record DraftPlanRequest(
        @Schema(description = "academic year (BE)", example = "2563")
        @NotNull @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer academicYear,
        @ArraySchema(arraySchema = @Schema(description = "at most one target per track; none yet is fine for a draft"))
        @NotNull @Size(max = 5) List<@NotNull @Valid TargetRequest> targets) {
}
