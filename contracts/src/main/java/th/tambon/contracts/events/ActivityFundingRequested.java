package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * events-service asks budget-service to commit an activity's estimate on a budget line: the first step of the funding
 * saga, published when an activity with funding is planned, and again (the same {@code request}) when an operator asks
 * once more after budget-service did not answer in time. The funding of an activity is its own aggregate on events.v1:
 * key {@code <activity>/funding} ({@link #keyOf}), {@code version} its own counter (1 for its first event), which only
 * grows for that key; the activity's own events ({@link ActivityChanged}) keep the activity's key and version.
 *
 * @param activity    the activity's id (a UUID)
 * @param esa         the ESA whose activity it is and whose allocation is asked for
 * @param fiscalYear  the fiscal year (BE) of the allocation round
 * @param round       the ESA's allocation round in that year
 * @param line        the line within the round
 * @param amount      the estimate to commit, in baht with two decimals
 * @param request     which request of the activity this is: 1 for its first, one more each time it is planned again
 *                    after a rejection; asking again after no answer repeats the number. budget-service answers a
 *                    request number once and gives the same answer when asked again
 * @param requestedAt when it was asked (or asked again)
 */
public record ActivityFundingRequested(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        int request,
        Instant requestedAt,
        long version) implements EventData {

    /** The key of an activity's funding on events.v1: {@code <activity>/funding}. */
    public static String keyOf(String activity) {
        return activity + "/funding";
    }

    @Override
    public String key() {
        return keyOf(activity);
    }
}
