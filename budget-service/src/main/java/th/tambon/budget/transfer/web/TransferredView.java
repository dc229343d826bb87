package th.tambon.budget.transfer.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.ledger.web.LineBalanceView;
import th.tambon.budget.transfer.application.TransferringFunds;

import java.util.Map;

/** What a transfer answers: the transfer and both lines' balances after it. */
@Serdeable
@Schema(description = "A transfer just recorded, and the balances it left on the line the money left and the line it "
        + "went to")
public record TransferredView(TransferView transfer, LineBalanceView from, LineBalanceView to) {

    public static TransferredView of(TransferringFunds.Transferred transferred) {
        var from = transferred.from();
        var to = transferred.to();
        return new TransferredView(TransferView.of(transferred.transfer(), Map.of(from.id(), from, to.id(), to)),
                LineBalanceView.of(from), LineBalanceView.of(to));
    }
}
