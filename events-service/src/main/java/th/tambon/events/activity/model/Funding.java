package th.tambon.events.activity.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The budget line an activity asks budget-service to commit its estimate on: the ESA's allocation round of a fiscal
 * year (BE) and a line of it, and the amount in baht.
 */
public record Funding(int fiscalYear, int round, int line, BigDecimal estimate) {
    public Funding {
        Objects.requireNonNull(estimate, "estimate");
    }

    /** Whether two fundings name the same line and amount (2100 and 2100.00 are the same baht). */
    public boolean sameAs(Funding other) {
        return other != null && fiscalYear == other.fiscalYear && round == other.round && line == other.line
                && estimate.compareTo(other.estimate) == 0;
    }
}
