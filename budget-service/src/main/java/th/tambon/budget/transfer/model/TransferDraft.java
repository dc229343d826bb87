package th.tambon.budget.transfer.model;

import th.tambon.budget.ledger.model.Baht;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transfer between two lines of an ESA's fiscal year (โอนเปลี่ยนแปลง) as asked: from which line to which, how much,
 * why and on which document.
 */
public record TransferDraft(String esa, int fiscalYear, LinePlace from, LinePlace to, BigDecimal amount, String reason,
                            String documentRef) {

    public TransferDraft {
        Objects.requireNonNull(esa, "esa");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(documentRef, "documentRef");
    }

    /** A field at fault and why. */
    public record Problem(String field, String message) {
    }

    /** What is wrong with the transfer before any line is read: its amount, or a line sent to itself. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        Baht.problemWithPositive(amount).ifPresent(p -> problems.add(new Problem("amount", p)));
        if (from.equals(to)) {
            problems.add(new Problem("to", "a transfer moves money between two different lines; both name line "
                    + from.label(fiscalYear)));
        }
        return problems;
    }
}
