package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.tambon.budget.allocation.model.RoundRevision;

import java.math.BigDecimal;
import java.util.List;

/** Body of {@code POST /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}/revisions}. */
@Serdeable
@Schema(description = "OBEC's revision of an allocation round: the new amount of each line it changes (the others "
        + "keep theirs), why, and the letter that says so")
public record RevisionRequest(
        @Schema(description = "the lines it changes and their new amounts") @NotEmpty @Size(max = 200)
        List<@NotNull @Valid LineAmount> lines,
        @Schema(description = "why the round changes", example = "ปรับลดตามมติการจัดสรรงบประมาณเพิ่มเติม")
        @NotBlank @Size(max = 500) String reason,
        @Schema(description = "the letter's number", example = "ศธ 04002/ว2345")
        @Nullable @Size(max = 100) String documentRef) {

    /** A line's new amount. */
    @Serdeable
    public record LineAmount(
            @Schema(description = "the line's number within the round", example = "1") @Min(1) @Max(999) int line,
            @Schema(description = "its new amount in baht, two decimals at most", example = "180000.00")
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal amount) {
    }

    RoundRevision revision() {
        return new RoundRevision(lines.stream().map(l -> new RoundRevision.LineAmount(l.line(), l.amount())).toList(),
                reason, documentRef);
    }
}
