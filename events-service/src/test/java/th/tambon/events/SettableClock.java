package th.tambon.events;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in a test that lets time pass: the machine's time plus an offset the test sets, so that a
 * deadline passes without waiting for it. Replaces the service's {@link Clock} bean only in contexts started with
 * {@link #PROPERTY} true. The service judges tokens by it too: keep the offset well inside a test token's hour.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = SettableClock.PROPERTY, value = "true")
public final class SettableClock extends Clock {
    public static final String PROPERTY = "events-test.settable-clock";

    private final AtomicReference<Duration> ahead;
    private final ZoneId zone;

    SettableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Duration> ahead, ZoneId zone) {
        this.ahead = ahead;
        this.zone = zone;
    }

    /** Lets {@code duration} pass at once: from now on the clock runs that much further ahead of the machine's. */
    public void advance(Duration duration) {
        ahead.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(ahead, other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }
}
