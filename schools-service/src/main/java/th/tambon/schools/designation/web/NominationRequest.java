package th.tambon.schools.designation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.tambon.http.ProgrammeDate;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/schools/{code}/designations}. */
@Serdeable
@Schema(description = "A nomination: its date and, if any, why")
public record NominationRequest(
        @Schema(description = "the date of the nomination, not after today", example = "2019-05-15") @NotNull @ProgrammeDate LocalDate on,
        @Schema(example = "เสนอชื่อโดย สพป.บุรีรัมย์ เขต 4") @Nullable @Size(max = 500) String reason) {
}
