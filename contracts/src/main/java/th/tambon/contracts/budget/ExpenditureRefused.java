package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * budget-service could not turn an activity's commitment into an expenditure of its reported cost: the commitment
 * stays open until the cost is reported again (after a transfer made room, say). Key and {@code version} as
 * {@link FundsCommitted}.
 *
 * @param committed  what the commitment holds, in baht
 * @param actualCost the cost reported
 * @param request    the request whose commitment it is
 * @param reason     for machines: INSUFFICIENT_BALANCE (the line cannot cover the cost above the commitment),
 *                   OUTSIDE_FISCAL_YEAR (the day lies outside the line's fiscal year), FISCAL_YEAR_CLOSED,
 *                   NOT_COMMITTED (no open commitment for that request), INVALID_REQUEST
 * @param message    for people
 */
public record ExpenditureRefused(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal committed,
        BigDecimal actualCost,
        int request,
        String reason,
        String message,
        Instant refusedAt,
        long version) implements EventData {

    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
    public static final String OUTSIDE_FISCAL_YEAR = "OUTSIDE_FISCAL_YEAR";
    public static final String FISCAL_YEAR_CLOSED = "FISCAL_YEAR_CLOSED";
    public static final String NOT_COMMITTED = "NOT_COMMITTED";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    @Override
    public String key() {
        return activity;
    }
}
