package th.tambon.security.jwt;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * What a token must say beyond its signature, set per deployment: the issuer ({@code iss}, exactly) and the audience
 * ({@code aud}, among its values) from Micronaut's own settings
 * {@code micronaut.security.token.jwt.claims-validators.issuer|audience} ({@code TAMBON_JWT_ISSUER},
 * {@code TAMBON_JWT_AUDIENCE}), the longest lifetime a token may have from {@code iat} to {@code exp}
 * ({@code TAMBON_JWT_MAX_LIFETIME}, 12 h: the importer's token) and how far ahead of ours the issuer's clock may run
 * ({@code TAMBON_JWT_CLOCK_SKEW}, 60 s). Without an issuer or an audience a process would take tokens minted for any
 * other system that shares its key or identity provider, so it refuses to start instead.
 */
@Context
@Singleton
public class TokenPolicy {
    public static final String MAX_LIFETIME_PROPERTY = "tambon.security.jwt.max-lifetime";
    public static final String CLOCK_SKEW_PROPERTY = "tambon.security.jwt.clock-skew";

    private final String issuer;
    private final Duration maxLifetime;
    private final Duration clockSkew;

    TokenPolicy(JwtClaimsValidatorConfiguration claims,
                @Value("${" + MAX_LIFETIME_PROPERTY + ":12h}") Duration maxLifetime,
                @Value("${" + CLOCK_SKEW_PROPERTY + ":60s}") Duration clockSkew) {
        this.issuer = required(claims.getIssuer(), "issuer", "TAMBON_JWT_ISSUER");
        required(claims.getAudience(), "audience", "TAMBON_JWT_AUDIENCE");
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalStateException(MAX_LIFETIME_PROPERTY + " (TAMBON_JWT_MAX_LIFETIME) must be positive, not "
                    + maxLifetime);
        }
        if (clockSkew.isNegative()) {
            throw new IllegalStateException(CLOCK_SKEW_PROPERTY + " (TAMBON_JWT_CLOCK_SKEW) must not be negative");
        }
        this.maxLifetime = maxLifetime;
        this.clockSkew = clockSkew;
    }

    private static String required(String value, String claim, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("No token " + claim + " configured: set " + variable
                    + " (micronaut.security.token.jwt.claims-validators." + claim + ") to the " + claim
                    + " this deployment's tokens carry; see docs/security.md");
        }
        return value;
    }

    /** Whether a token's {@code iss} is this deployment's issuer: the same string (RFC 7519 §4.1.1, no normalising). */
    boolean isOurIssuer(Object iss) {
        return issuer.equals(iss);
    }

    /** Whether a moment the issuer stamped ({@code iat}, {@code nbf}) has come, allowing for its clock running ahead. */
    boolean hasCome(Instant stamped, Instant now) {
        return !stamped.isAfter(now.plus(clockSkew));
    }

    boolean isWithinMaxLifetime(Instant issuedAt, Instant expiresAt) {
        return Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) <= 0;
    }
}
