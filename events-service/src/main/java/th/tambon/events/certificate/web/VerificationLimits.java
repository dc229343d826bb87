package th.tambon.events.certificate.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.List;

/**
 * How often one client address may look certificates up without a token: a burst of {@code burst}, refilled at
 * {@code per-minute}. The client is the connection's address, or, when the connection comes from one of
 * {@code trusted-proxies} (the gateway), the address that proxy names last in {@code X-Forwarded-For}.
 */
@ConfigurationProperties("tambon.events.verification.rate-limit")
public class VerificationLimits {
    @Min(1)
    private long burst = 30;
    @Min(1)
    private long perMinute = 60;
    private List<String> trustedProxies = List.of("127.0.0.1", "::1");
    @Min(1)
    private long maxClients = 100_000;
    private Duration idleAfter = Duration.ofMinutes(10);

    public long getBurst() {
        return burst;
    }

    public void setBurst(long burst) {
        this.burst = burst;
    }

    public long getPerMinute() {
        return perMinute;
    }

    public void setPerMinute(long perMinute) {
        this.perMinute = perMinute;
    }

    /** Literal addresses (no names, no ranges) of the proxies whose {@code X-Forwarded-For} is believed. */
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** At most this many clients' buckets are kept; the least recently seen go first. */
    public long getMaxClients() {
        return maxClients;
    }

    public void setMaxClients(long maxClients) {
        this.maxClients = maxClients;
    }

    /** A client's bucket is dropped after this long without a request (it would be full again anyway). */
    public Duration getIdleAfter() {
        return idleAfter;
    }

    public void setIdleAfter(Duration idleAfter) {
        this.idleAfter = idleAfter;
    }
}
