package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * budget-service refused to commit an activity's estimate: its other answer to
 * {@link th.tambon.contracts.events.ActivityFundingRequested}, on budget.v1, key and {@code version} as
 * {@link FundsCommitted}.
 *
 * @param request the number of the request answered
 * @param reason  why, for machines: INSUFFICIENT_BALANCE (the line has less left than the amount), FISCAL_YEAR_CLOSED,
 *                UNKNOWN_LINE (no such round or line for the ESA), INVALID_REQUEST (anything else wrong with it)
 * @param message why, for people (Thai or English); events-service shows it as the activity's reason
 */
public record FundingRejected(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        int request,
        String reason,
        String message,
        Instant rejectedAt,
        long version) implements EventData {

    /** The reasons budget-service gives, as {@link #reason()} spells them. */
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
    public static final String FISCAL_YEAR_CLOSED = "FISCAL_YEAR_CLOSED";
    public static final String UNKNOWN_LINE = "UNKNOWN_LINE";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    @Override
    public String key() {
        return activity;
    }
}
