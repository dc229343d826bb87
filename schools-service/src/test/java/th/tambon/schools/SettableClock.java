package th.tambon.schools;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import th.tambon.testkit.TestTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in a test that judges a boundary: it stands still at the instant the test sets. Replaces the
 * service's {@link Clock} bean only in contexts started with {@link #PROPERTY} true. The service judges tokens by it
 * too, so such a test calls with a token issued at its clock's time ({@link #adminTokenIssuedAt}). It starts at
 * {@link #START} when that property is set (what the service does at start-up is judged by it too), else at the
 * real time.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = SettableClock.PROPERTY, value = "true")
final class SettableClock extends Clock {
    static final String PROPERTY = "schools-test.settable-clock";
    static final String START = "schools-test.settable-clock-start";

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    @Inject
    SettableClock(@Value("${" + START + ":}") String start) {
        this(new AtomicReference<>(start.isBlank() ? Instant.now() : Instant.parse(start)), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** An OBEC_ADMIN token valid for an hour from {@code issuedAt}, by the service's clock. */
    static String adminTokenIssuedAt(Instant issuedAt) {
        return TestTokens.signed(TestTokens.goodClaims("obec-admin", "OBEC_ADMIN").issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(Duration.ofHours(1))))
                .build());
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
