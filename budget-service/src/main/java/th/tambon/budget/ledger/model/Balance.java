package th.tambon.budget.ledger.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A line's (or a round's, a category's, an ESA's year's) sums, as the ledger gives them: {@code amount} as allocated and
 * revised, the net of transfers, what open commitments hold and what was spent. Derived figures: allocated = amount +
 * transferred; remaining = allocated − committed − spent; execution rate = spent ÷ allocated. A balance never has a
 * negative remaining: {@link #after} refuses a movement that would make one.
 */
public record Balance(BigDecimal amount, BigDecimal transferred, BigDecimal committed, BigDecimal spent) {
    public static final Balance ZERO = new Balance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Balance {
        amount = Baht.of(Objects.requireNonNull(amount, "amount"));
        transferred = Baht.of(Objects.requireNonNull(transferred, "transferred"));
        committed = Baht.of(Objects.requireNonNull(committed, "committed"));
        spent = Baht.of(Objects.requireNonNull(spent, "spent"));
    }

    public BigDecimal allocated() {
        return amount.add(transferred);
    }

    public BigDecimal remaining() {
        return allocated().subtract(committed).subtract(spent);
    }

    /** spent ÷ allocated as a percentage with two decimals, or null when nothing is allocated. */
    public BigDecimal executionRate() {
        if (allocated().signum() == 0) {
            return null;
        }
        return spent.multiply(BigDecimal.valueOf(100)).divide(allocated(), 2, RoundingMode.HALF_UP);
    }

    public Balance plus(Balance other) {
        return new Balance(amount.add(other.amount), transferred.add(other.transferred),
                committed.add(other.committed), spent.add(other.spent));
    }

    /**
     * The balance after an entry of {@code kind} with the signed {@code amount}, or empty when it would leave a sum or
     * the remaining below zero.
     */
    public Optional<Balance> after(EntryKind kind, BigDecimal signed) {
        Balance next = switch (kind) {
            case ALLOCATED, REVISED -> new Balance(amount.add(signed), transferred, committed, spent);
            case TRANSFERRED_IN, TRANSFERRED_OUT -> new Balance(amount, transferred.add(signed), committed, spent);
            case COMMITTED, RELEASED -> new Balance(amount, transferred, committed.add(signed), spent);
            case SPENT -> new Balance(amount, transferred, committed, spent.add(signed));
            case CARRIED_OVER -> this;
        };
        boolean valid = next.amount.signum() >= 0 && next.allocated().signum() >= 0 && next.committed.signum() >= 0
                && next.spent.signum() >= 0 && next.remaining().signum() >= 0;
        return valid ? Optional.of(next) : Optional.empty();
    }
}
