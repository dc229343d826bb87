package th.tambon.importer.gateway;

import java.time.Duration;

/**
 * The pauses between looks at something another service is still doing: {@code first}, then each twice the last, at
 * most {@code max}. What the import waits for (replicas, budget-service's saga) and what {@code --check} waits for
 * (the reports catching up) pause alike.
 */
public record Backoff(Duration first, Duration max) {
    /** 0.25 s, 0.5 s, 1 s … 5 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the first pause must be above 0 and at most the longest");
        }
    }

    /** The pause after {@code pause}: twice as long, at most {@link #max}. */
    public Duration after(Duration pause) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }
}
