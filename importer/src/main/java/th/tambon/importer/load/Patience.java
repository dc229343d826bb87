package th.tambon.importer.load;

import java.time.Duration;

/**
 * How long the budget and activities sections wait for other services before they give an item up for this run: for
 * a service's replica to learn an ESA or school registered a moment ago ({@code replica}: a failure after it, tried
 * again by the next import), and for budget-service to settle an activity's funding saga ({@code budget}: answer its
 * funding request, spend its reported cost, release a cancelled one's commitment; after it the item is "waiting for
 * budget", not failed). Polls begin after {@code firstPause} and double up to {@code maxPause}.
 */
public record Patience(Duration replica, Duration budget, Duration firstPause, Duration maxPause) {
    public static final Patience DEFAULT = new Patience(Duration.ofMinutes(2), Duration.ofMinutes(1),
            Duration.ofMillis(250), Duration.ofSeconds(5));

    public Patience {
        if (replica.isNegative() || budget.isNegative() || firstPause.isNegative() || firstPause.isZero()
                || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("waits must not be negative, and the first pause above 0 and at most "
                    + "the longest");
        }
    }

    /** The pause after {@code pause}: twice as long, at most {@code maxPause}. */
    Duration after(Duration pause) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(maxPause) > 0 ? maxPause : twice;
    }
}
