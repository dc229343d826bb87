package th.tambon.security.jwt;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token must say whom it names ({@code sub}), when it was issued ({@code iat}) and expires ({@code exp}), and come
 * from this deployment's issuer, spelt exactly ({@link TokenPolicy}). Micronaut checks {@code exp} only when present,
 * so a token without one would be good forever; and its own issuer check accepts any ending of the configured issuer
 * ({@code local} for {@code tambon-local}). The audience is Micronaut's check: present, and ours among its values.
 */
@Singleton
public class RequiredClaims<T> implements GenericJwtClaimsValidator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(RequiredClaims.class);
    private final TokenPolicy policy;

    public RequiredClaims(TokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        if (claims.get(Claims.SUBJECT) == null || claims.get(Claims.ISSUED_AT) == null
                || claims.get(Claims.EXPIRATION_TIME) == null) {
            LOG.debug("Token refused: it lacks sub, iat or exp");
            return false;
        }
        if (!policy.isOurIssuer(claims.get(Claims.ISSUER))) {
            LOG.debug("Token refused: its iss '{}' is not this deployment's issuer", claims.get(Claims.ISSUER));
            return false;
        }
        return true;
    }
}
