package th.tambon.events.participation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;

import java.util.List;
import java.util.Map;

/** Body of {@code PUT /api/v1/activities/{id}/participation}. */
@Serdeable
@Schema(description = "Who took part in a held activity; replaces what was recorded before")
public record ParticipationRequest(
        @Schema(description = "how many took part in each role: SCHOOL_DIRECTOR, TEACHER, SUPERVISOR, STAFF, STUDENT, "
                + "COMMITTEE, OTHER (a role left out counts 0)",
                example = "{\"SCHOOL_DIRECTOR\": 31, \"TEACHER\": 40, \"SUPERVISOR\": 6, \"STAFF\": 8, "
                        + "\"STUDENT\": 12, \"COMMITTEE\": 7}")
        @NotNull @Size(max = 7) Map<String, @NotNull @Min(0) @Max(MAX) Integer> byRole,
        @Schema(description = "how many took part in all: at least the sum of byRole; absent, that sum", example = "104")
        @Nullable @Min(0) @Max(MAX) Integer total,
        @Schema(description = "SMIS codes of the activity's ESA's schools that attended", example = "[\"51910001\"]")
        @Nullable @Size(max = 5000) List<@NotBlank @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS "
                + "code") String> schools) {
    /** More than anyone would count at one activity; keeps sums far from overflowing. */
    static final int MAX = 1_000_000;
}
