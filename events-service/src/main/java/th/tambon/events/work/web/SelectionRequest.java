package th.tambon.events.work.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/works/{id}/selection}. */
@Serdeable
@Schema(description = "The ESA's decision on a presented work")
public record SelectionRequest(
        @Schema(description = "true: selected as outstanding, to be forwarded to OBEC; false: not selected",
                example = "true") @NotNull Boolean selected,
        @Schema(description = "why, or what the committee said", example = "ผลงานดีเด่นด้านนวัตกรรม")
        @Nullable @Size(max = 1000) String note) {

    String noteText() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
