package th.tambon.gateway.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * How many requests a caller may send through the gateway: a burst of {@code burst}, refilled at {@code per-second}.
 * A caller is the token's subject, or the client's address for requests without a valid token.
 */
@ConfigurationProperties("tambon.gateway.rate-limit")
public class RateLimitSettings {
    @Min(1)
    private long burst = 200;
    @Min(1)
    private long perSecond = 100;
    @Min(1)
    private long maxCallers = 100_000;
    private Duration idleAfter = Duration.ofMinutes(10);

    public long getBurst() {
        return burst;
    }

    public void setBurst(long burst) {
        this.burst = burst;
    }

    public long getPerSecond() {
        return perSecond;
    }

    public void setPerSecond(long perSecond) {
        this.perSecond = perSecond;
    }

    /** At most this many callers' buckets are kept; the least recently seen go first. */
    public long getMaxCallers() {
        return maxCallers;
    }

    public void setMaxCallers(long maxCallers) {
        this.maxCallers = maxCallers;
    }

    /** A caller's bucket is dropped after this long without a request (it would be full again anyway). */
    public Duration getIdleAfter() {
        return idleAfter;
    }

    public void setIdleAfter(Duration idleAfter) {
        this.idleAfter = idleAfter;
    }
}
