package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money was moved from one line to another of the same ESA and fiscal year (โอนเปลี่ยนแปลง). Key and {@code version}
 * as {@link AllocationRoundChanged}.
 *
 * @param transfer    budget-service's id of the transfer
 * @param from        the line the money left
 * @param to          the line it went to
 * @param amount      how much, in baht (more than zero)
 * @param documentRef the document that authorises it
 */
public record FundsTransferred(
        String transfer,
        String esa,
        int fiscalYear,
        LineRef from,
        LineRef to,
        BigDecimal amount,
        String reason,
        String documentRef,
        String transferredBy,
        Instant transferredAt,
        long version) implements EventData {

    /** A line of one of the ESA's rounds in the fiscal year. */
    public record LineRef(int round, int line) {
    }

    @Override
    public String key() {
        return BudgetKeys.fiscalYearOf(esa, fiscalYear);
    }
}
