package th.tambon.budget.ledger.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.budget.ledger.model.Balance;

import java.time.Instant;
import java.util.Optional;

/**
 * Posts movements of money: each is an append-only {@code ledger_entry} and the line's balance changed by it, in the
 * caller's transaction, on a line the caller locked ({@link LineRepository#lock}). A movement that would leave a
 * negative balance is not posted (the caller says why); the table's CHECKs refuse one whatever the code does.
 */
@Singleton
public class Ledger {
    private final LineRepository lines;
    private final LedgerEntryRepository entries;

    public Ledger(LineRepository lines, LedgerEntryRepository entries) {
        this.lines = lines;
        this.entries = entries;
    }

    /** The line after the movement, or empty (nothing written) when it would leave a sum or the remaining negative. */
    public Optional<LineRow> post(LineRow line, Movement movement, Instant at, String by) {
        Optional<Balance> after = line.balance().after(movement.kind(), movement.amount());
        if (after.isEmpty()) {
            return Optional.empty();
        }
        entries.save(new LedgerEntryRow(null, line.id(), line.esa(), line.fiscalYear(), movement.kind().name(),
                movement.amount(), movement.activity(), movement.request(), movement.commitment(),
                movement.expenditure(), movement.transfer(), movement.reason(), movement.documentRef(), at, by));
        LineRow changed = line.with(after.get());
        if (!changed.balance().equals(line.balance())) {
            lines.update(changed);
        }
        return Optional.of(changed);
    }
}
