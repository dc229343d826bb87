package th.tambon.budget.expenditure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.tambon.budget.expenditure.model.ExpenditureDraft;
import th.tambon.http.ProgrammeDate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/fiscal-years/{year}/esas/{esa}/expenditures}: a direct expenditure. */
@Serdeable
@Schema(description = "Money spent on a line of the ESA's fiscal year without an activity (เบิกจ่าย): the line, the "
        + "amount, the day inside the fiscal year, what it paid for and, when there is one, its document")
public record ExpenditureRequest(
        @Schema(description = "the round of the line", example = "1") @Min(1) @Max(99) int round,
        @Schema(description = "the line's number within the round", example = "1") @Min(1) @Max(999) int line,
        @Schema(description = "what was spent, in baht with at most two decimals, more than zero", example = "10000.00")
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be more than zero")
        @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal amount,
        @Schema(description = "the day it was spent, inside the fiscal year (FY2563: 2019-10-01 to 2020-09-30)",
                example = "2020-07-21")
        @NotNull @ProgrammeDate LocalDate spentOn,
        @Schema(description = "what it paid for, in Thai", example = "ค่าวัสดุสำนักงาน")
        @NotBlank @Size(max = 500) String purposeTh,
        @Schema(description = "the document of the expenditure (ฎีกา, receipt), when there is one",
                example = "ขบ 0123/2563")
        @Nullable @Size(max = 100) String documentRef) {

    ExpenditureDraft draft(String esa, int fiscalYear) {
        String document = documentRef == null || documentRef.isBlank() ? null : documentRef.strip();
        return new ExpenditureDraft(esa, fiscalYear, round, line, amount, spentOn, purposeTh.strip(), document);
    }
}
