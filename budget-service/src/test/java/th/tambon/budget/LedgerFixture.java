package th.tambon.budget;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.EntryKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Movements on a line posted through the service's own {@link Ledger}, each in its transaction on the locked line, as
 * the funding saga and transfers post theirs: a test's way to give a line commitments, spending or transfers before
 * those have endpoints of their own.
 */
public final class LedgerFixture {
    private final EmbeddedServer server;

    public LedgerFixture(EmbeddedServer server) {
        this.server = server;
    }

    /** Commits {@code amount} of the line to a new activity's first request. */
    public void commit(String esa, int year, int round, int line, String amount) {
        post(esa, year, round, line, Movement.of(EntryKind.COMMITTED, new BigDecimal(amount), "test commitment", null)
                .forActivity(UUID.randomUUID(), 1, UUID.randomUUID()));
    }

    /** Spends {@code amount} of the line directly. */
    public void spend(String esa, int year, int round, int line, String amount) {
        post(esa, year, round, line, Movement.of(EntryKind.SPENT, new BigDecimal(amount), "test expenditure", null)
                .forExpenditure(UUID.randomUUID()));
    }

    /** Releases {@code amount} of what the line has committed. */
    public void release(String esa, int year, int round, int line, String amount) {
        post(esa, year, round, line, Movement.of(EntryKind.RELEASED, new BigDecimal(amount).negate(),
                "test release", null));
    }

    /** Moves {@code amount} from one line of a round to another (the two sides of a transfer). */
    public void transfer(String esa, int year, int round, int from, int to, String amount) {
        UUID transfer = UUID.randomUUID();
        BigDecimal baht = new BigDecimal(amount);
        post(esa, year, round, from, Movement.of(EntryKind.TRANSFERRED_OUT, baht.negate(), "test transfer", "ศธ test")
                .forTransfer(transfer));
        post(esa, year, round, to, Movement.of(EntryKind.TRANSFERRED_IN, baht, "test transfer", "ศธ test")
                .forTransfer(transfer));
    }

    private void post(String esa, int year, int round, int line, Movement movement) {
        var context = server.getApplicationContext();
        LineRepository lines = context.getBean(LineRepository.class);
        Ledger ledger = context.getBean(Ledger.class);
        TransactionOperations<?> transactions = context.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            LineRow locked = lines.lock(esa, year, round, line).orElseThrow();
            return ledger.post(locked, movement, Instant.now(), "test").orElseThrow(() -> new IllegalStateException(
                    movement + " would leave line " + locked.label() + " of " + esa + " negative"));
        });
    }
}
