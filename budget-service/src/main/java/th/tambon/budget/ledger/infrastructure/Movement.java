package th.tambon.budget.ledger.infrastructure;

import th.tambon.budget.ledger.model.EntryKind;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A movement to post on a line: its kind and signed amount, what it belongs to (an activity's request and commitment,
 * an expenditure, a transfer), why and on which document.
 */
public record Movement(EntryKind kind, BigDecimal amount, UUID activity, Integer request, UUID commitment,
                       UUID expenditure, UUID transfer, String reason, String documentRef) {

    public static Movement of(EntryKind kind, BigDecimal amount, String reason, String documentRef) {
        return new Movement(kind, amount, null, null, null, null, null, reason, documentRef);
    }

    public Movement forActivity(UUID activity, int request, UUID commitment) {
        return new Movement(kind, amount, activity, request, commitment, expenditure, transfer, reason, documentRef);
    }

    public Movement forExpenditure(UUID expenditure) {
        return new Movement(kind, amount, activity, request, commitment, expenditure, transfer, reason, documentRef);
    }

    public Movement forTransfer(UUID transfer) {
        return new Movement(kind, amount, activity, request, commitment, expenditure, transfer, reason, documentRef);
    }
}
