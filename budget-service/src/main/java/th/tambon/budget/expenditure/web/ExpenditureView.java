package th.tambon.budget.expenditure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRow;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.http.ThaiDates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An expenditure as recorded. */
@Serdeable
@Schema(description = "Money spent on a line: a direct expenditure, or an activity's actual cost (activity, request "
        + "and commitment set)")
public record ExpenditureView(UUID id, String esa, int fiscalYear, int round, int line, BigDecimal amount,
                              LocalDate spentOn, String spentOnTh, @Nullable UUID activity, @Nullable Integer request,
                              @Nullable UUID commitment, String purposeTh, @Nullable String documentRef,
                              String recordedBy, Instant recordedAt) {

    public static ExpenditureView of(ExpenditureRow row, LineRow line) {
        return new ExpenditureView(row.id(), line.esa(), line.fiscalYear(), line.round(), line.line(), row.amount(),
                row.spentOn(), ThaiDates.format(row.spentOn()), row.activity(), row.request(), row.commitment(),
                row.purposeTh(), row.documentRef(), row.recordedBy(), row.recordedAt());
    }
}
