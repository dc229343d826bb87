package th.tambon.budget.transfer.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.tambon.budget.transfer.model.LinePlace;
import th.tambon.budget.transfer.model.TransferDraft;

import java.math.BigDecimal;

/** Body of {@code POST /api/v1/fiscal-years/{year}/esas/{esa}/transfers}. */
@Serdeable
@Schema(description = "A transfer between two lines of the ESA's fiscal year (โอนเปลี่ยนแปลง): from which line to "
        + "which, how much, why and on which document")
public record TransferRequest(
        @Schema(description = "the line the money leaves") @NotNull @Valid LineRequest from,
        @Schema(description = "the line it goes to") @NotNull @Valid LineRequest to,
        @Schema(description = "how much, in baht with at most two decimals, more than zero", example = "5000.00")
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be more than zero")
        @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal amount,
        @Schema(description = "why the money moves", example = "ย้ายงบประมาณไปจัดกิจกรรมแลกเปลี่ยนเรียนรู้")
        @NotBlank @Size(max = 500) String reason,
        @Schema(description = "the document that authorises it", example = "ศธ 04142/2345")
        @NotBlank @Size(max = 100) String documentRef) {

    /** A line of one of the ESA's rounds in the fiscal year. */
    @Serdeable
    @Schema(description = "A line of one of the ESA's rounds in the fiscal year")
    public record LineRequest(
            @Schema(description = "the round's number", example = "1") @Min(1) @Max(99) int round,
            @Schema(description = "the line's number within the round", example = "1") @Min(1) @Max(999) int line) {

        LinePlace place() {
            return new LinePlace(round, line);
        }
    }

    TransferDraft draft(String esa, int fiscalYear) {
        return new TransferDraft(esa, fiscalYear, from.place(), to.place(), amount, reason.strip(),
                documentRef.strip());
    }
}
