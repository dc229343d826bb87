package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A funded activity was held and reported with what it actually cost: budget-service records that as spent on the
 * line it committed. Key {@code <activity>/funding} and the funding's own {@code version}, as
 * {@link ActivityFundingRequested}.
 *
 * @param amount     what budget-service committed for the request, in baht
 * @param actualCost what the activity actually cost, in baht
 * @param request    the request that was committed
 * @param spentOn    the day the money was spent: the day the activity started, in Bangkok (budget-service checks it
 *                   lies in the line's fiscal year); absent from events published before it was added, when
 *                   budget-service takes the day of {@code reportedAt} in Bangkok
 */
public record ActivityCostReported(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        BigDecimal actualCost,
        int request,
        Instant reportedAt,
        LocalDate spentOn,
        long version) implements EventData {

    @Override
    public String key() {
        return ActivityFundingRequested.keyOf(activity);
    }
}
