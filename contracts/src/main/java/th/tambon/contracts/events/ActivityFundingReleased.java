package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An activity whose funding was asked for (still unanswered) or committed was cancelled: budget-service releases
 * whatever it committed, or would commit, for that request. Published after the request on the same key
 * ({@code <activity>/funding}, the funding's own {@code version}), so budget-service meets the release after the
 * request it releases.
 *
 * @param amount         the amount of the request, in baht
 * @param request        the request released
 * @param fundsCommitted whether events-service had budget-service's commitment (FUNDED) or was still waiting for its
 *                       answer (then an answer may still come, and the release cancels it)
 * @param reason         why the activity was cancelled
 */
public record ActivityFundingReleased(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        int request,
        boolean fundsCommitted,
        String reason,
        Instant releasedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return ActivityFundingRequested.keyOf(activity);
    }
}
