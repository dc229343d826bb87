package th.tambon.schools.plan.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code PUT /api/v1/schools/{code}/plans/{year}}: the plan's targets as they should be. */
@Serdeable
@Schema(description = "A plan's targets as they should be (while it is a draft or returned)")
public record RevisePlanRequest(
        @ArraySchema(arraySchema = @Schema(description = "at most one target per track"))
        @NotNull @Size(max = 5) List<@NotNull @Valid TargetRequest> targets) {
}
