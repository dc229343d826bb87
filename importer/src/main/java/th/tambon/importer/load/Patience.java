package th.tambon.importer.load;

import th.tambon.importer.gateway.Backoff;

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
            Backoff.DEFAULT.first(), Backoff.DEFAULT.max());

    public Patience {
        if (replica.isNegative() || budget.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
        new Backoff(firstPause, maxPause); // refuses pauses it cannot take
    }

    /** The pause after {@code pause}: twice as long, at most {@code maxPause} ({@link Backoff}). */
    Duration after(Duration pause) {
        return new Backoff(firstPause, maxPause).after(pause);
    }
}
