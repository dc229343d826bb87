package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An ESA's fiscal year was closed: it takes no new commitment, transfer or expenditure, except the spending of the
 * commitments carried over. Key and {@code version} as {@link AllocationRoundChanged}.
 *
 * @param allocated   the year's allocation as revised, in baht
 * @param spent       what was spent by the closing
 * @param carriedOver what stays committed after the year (commitments carried over)
 * @param lapsed      what lapses: allocated − spent − carried over
 */
public record FiscalYearClosed(
        String esa,
        int fiscalYear,
        BigDecimal allocated,
        BigDecimal spent,
        BigDecimal carriedOver,
        BigDecimal lapsed,
        String closedBy,
        Instant closedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return BudgetKeys.fiscalYearOf(esa, fiscalYear);
    }
}
