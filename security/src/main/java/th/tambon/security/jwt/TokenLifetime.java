package th.tambon.security.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * A token is good only within the window its issuer gave it, and that window is short ({@link TokenPolicy}): its
 * {@code nbf} (when present) and {@code iat} have come, allowing for the issuer's clock running a little ahead,
 * {@code exp} has not passed (without leeway, as Micronaut's own check, which this one replaces), and
 * {@code exp - iat} is at most the maximum lifetime. An {@code iat} in the future is refused too: it would let a
 * short-looking token stay good for years. "Now" is the service's {@link Clock} bean when it has one, the clock its
 * changes are stamped with (a test sets it to a moment of its choosing), else the system clock: all three are judged
 * by one clock, since a service whose clock stands elsewhere would accept no token if Micronaut judged {@code exp} by
 * the machine's.
 */
@Singleton
@Replaces(ExpirationJwtClaimsValidator.class)
public class TokenLifetime<T> implements GenericJwtClaimsValidator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLifetime.class);
    private final TokenPolicy policy;
    private final Clock clock;

    public TokenLifetime(TokenPolicy policy, Optional<Clock> clock) {
        this.policy = policy;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        JWTClaimsSet set = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims);
        Date issuedAt = set.getIssueTime();
        Date expiresAt = set.getExpirationTime();
        if (issuedAt == null || expiresAt == null) {
            return false;
        }
        Instant now = clock.instant();
        if (expiresAt.toInstant().isBefore(now)) {
            LOG.debug("Token refused: it expired at {}, before now ({})", expiresAt.toInstant(), now);
            return false;
        }
        Date notBefore = set.getNotBeforeTime();
        if (!policy.hasCome(issuedAt.toInstant(), now) || notBefore != null && !policy.hasCome(notBefore.toInstant(), now)) {
            LOG.debug("Token refused: its iat {} or nbf {} is ahead of now ({}) by more than the clock skew",
                    issuedAt.toInstant(), notBefore == null ? "-" : notBefore.toInstant(), now);
            return false;
        }
        if (!policy.isWithinMaxLifetime(issuedAt.toInstant(), expiresAt.toInstant())) {
            LOG.debug("Token refused: it lives from {} to {}, longer than the maximum lifetime", issuedAt.toInstant(),
                    expiresAt.toInstant());
            return false;
        }
        return true;
    }
}
