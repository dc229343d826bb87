package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * budget-service committed an activity's estimate on the line it named: its answer to
 * {@link th.tambon.contracts.events.ActivityFundingRequested}, on budget.v1. Key: the activity's id; {@code version}
 * counts budget-service's events on that key (1 for its first answer) and only grows. It echoes the request it answers
 * (line, amount, {@code request}); events-service takes it only while that request is the activity's current one and
 * still unanswered.
 *
 * @param request    the number of the request answered
 * @param commitment budget-service's id of the commitment
 */
public record FundsCommitted(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        int request,
        String commitment,
        Instant committedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return activity;
    }
}
