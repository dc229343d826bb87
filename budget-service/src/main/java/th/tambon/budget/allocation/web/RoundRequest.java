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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.budget.allocation.model.RoundDraft;
import th.tambon.budget.ledger.model.Category;
import th.tambon.http.ProgrammeDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code PUT /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}}: OBEC's allocation letter. */
@Serdeable
@Schema(description = "An allocation round from OBEC to an ESA: the letter's date and number, the amount and its "
        + "lines, which sum to the amount exactly")
public record RoundRequest(
        @Schema(description = "the date of OBEC's allocation letter", example = "2020-01-15")
        @Nullable @ProgrammeDate LocalDate receivedOn,
        @Schema(description = "the letter's number (เลขที่หนังสือจัดสรร)", example = "ศธ 04002/ว1234")
        @Nullable @Size(max = 100) String documentRef,
        @Schema(description = "the round's amount in baht, two decimals at most", example = "197000.00")
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal amount,
        @Schema(description = "the round's lines") @NotEmpty @Size(max = 200) List<@NotNull @Valid LineRequest> lines) {

    /** A line of the round. */
    @Serdeable
    public record LineRequest(
            @Schema(description = "the line's number within the round", example = "1") @Min(1) @Max(999) int line,
            @Schema(example = "OPERATING", allowableValues = {"PERSONNEL", "OPERATING", "INVESTMENT", "SUBSIDY", "OTHER"})
            @NotBlank @Pattern(regexp = "PERSONNEL|OPERATING|INVESTMENT|SUBSIDY|OTHER",
                    message = "must be PERSONNEL, OPERATING, INVESTMENT, SUBSIDY or OTHER") String category,
            @Schema(description = "what the money is for, in Thai",
                    example = "ค่าใช้จ่ายในการจัดกิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563")
            @NotBlank @Size(max = 500) String purposeTh,
            @Schema(description = "the line's amount in baht", example = "21700.00")
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal amount) {
    }

    RoundDraft draft(String esa, int fiscalYear, int round) {
        return new RoundDraft(esa, fiscalYear, round, receivedOn, documentRef, amount, lines.stream()
                .map(l -> new RoundDraft.LineDraft(l.line(), Category.valueOf(l.category()), l.purposeTh(), l.amount()))
                .toList());
    }
}
