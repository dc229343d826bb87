package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * OBEC's allocation round to an ESA was received or revised. Carries the whole round after the change. Key: the ESA's
 * fiscal year ({@link BudgetKeys#fiscalYearOf}); {@code version} counts the events on that key and only grows.
 *
 * @param round          the round's number within the ESA's fiscal year (ครั้งที่)
 * @param receivedOn     the date of OBEC's allocation letter, or null when not recorded
 * @param documentRef    the letter's number (เลขที่หนังสือจัดสรร), or null when not recorded
 * @param amount         the round's amount as revised, in baht: the sum of its lines' amounts
 * @param originalAmount the round's amount when received
 * @param lines          the round's lines in line order
 * @param change         RECEIVED or REVISED
 * @param reason         why it was revised, or null
 */
public record AllocationRoundChanged(
        String esa,
        int fiscalYear,
        int round,
        LocalDate receivedOn,
        String documentRef,
        BigDecimal amount,
        BigDecimal originalAmount,
        List<Line> lines,
        String change,
        String reason,
        String changedBy,
        Instant changedAt,
        long version) implements EventData {

    /**
     * A line of the round.
     *
     * @param category       PERSONNEL, OPERATING, INVESTMENT, SUBSIDY or OTHER
     * @param originalAmount the line's amount when received
     * @param amount         the line's amount as revised (transfers are not included: see {@link FundsTransferred})
     */
    public record Line(int line, String category, String purposeTh, BigDecimal originalAmount, BigDecimal amount) {
    }

    @Override
    public String key() {
        return BudgetKeys.fiscalYearOf(esa, fiscalYear);
    }
}
