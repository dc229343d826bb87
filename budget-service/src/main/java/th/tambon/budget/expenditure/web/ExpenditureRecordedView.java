package th.tambon.budget.expenditure.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.expenditure.application.RecordingExpenditures;
import th.tambon.budget.ledger.web.LineBalanceView;

/** What recording an expenditure answers: the expenditure and its line's balance after it. */
@Serdeable
@Schema(description = "An expenditure just recorded, and the balance it left on its line")
public record ExpenditureRecordedView(ExpenditureView expenditure, LineBalanceView line) {

    public static ExpenditureRecordedView of(RecordingExpenditures.Recorded recorded) {
        return new ExpenditureRecordedView(ExpenditureView.of(recorded.expenditure(), recorded.line()),
                LineBalanceView.of(recorded.line()));
    }
}
