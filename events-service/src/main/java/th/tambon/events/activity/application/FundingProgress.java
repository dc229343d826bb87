package th.tambon.events.activity.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an activity's funding stands in the funding saga, beyond the line it is planned on, for the activity's view.
 * The funding feature (th.tambon.events.funding) answers it: the activity feature does not know the saga, and the
 * funding package depends on the activity package, never the reverse (docs/decisions/0016).
 */
public interface FundingProgress {
    /** The activity's funding, or empty when it never asked budget-service for money. */
    Optional<Progress> of(UUID activity);

    /**
     * @param request            the number of its current request: 1 for the first
     * @param requestedAt        when that request was last asked
     * @param spending           budget-service's last word on spending the commitment on the reported cost, RECORDED
     *                           or REFUSED; null before it said any
     * @param spendingReasonCode a refusal's reason for machines (INSUFFICIENT_BALANCE…), or null
     * @param spendingMessage    for people: why budget-service refused, or what it spent and released
     * @param spendingAt         when budget-service recorded or refused it
     */
    record Progress(int request, Instant requestedAt, String spending, String spendingReasonCode,
                    String spendingMessage, Instant spendingAt) {
    }
}
