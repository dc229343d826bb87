package th.tambon.importer.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * When and how long to wait before trying a request again: over the rate limit (429) for as long as the gateway's
 * {@code Retry-After} says (at most {@link #maxPause}), when a service is briefly away (502, 503, 504) or the connection
 * dropped for 0.5 s, 1 s, 2 s … up to {@link #maxPause}.
 */
public record RetryPolicy(int maxAttempts, Duration firstPause, Duration maxPause) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    boolean retriable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    Duration pause(int attempt, Optional<Duration> retryAfter) {
        Duration pause = retryAfter.orElseGet(() -> firstPause.multipliedBy(1L << Math.min(attempt - 1, 20)));
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }
}
