package th.tambon.security.jwt;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A token must say when it expires ({@code exp}) and whom it names ({@code sub}). Micronaut checks {@code exp} only
 * when present: a token without one would be good forever.
 */
@Singleton
public class ExpiryRequired<T> implements GenericJwtClaimsValidator<T> {
    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null && claims.get(Claims.SUBJECT) != null;
    }
}
