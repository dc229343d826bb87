package th.tambon.schools;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in a test that judges a boundary: it stands still at the instant the test sets. Replaces the
 * service's {@link Clock} bean only in contexts started with {@link #PROPERTY} true.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = SettableClock.PROPERTY, value = "true")
final class SettableClock extends Clock {
    static final String PROPERTY = "schools-test.settable-clock";

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    SettableClock() {
        this(new AtomicReference<>(Instant.now()), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
