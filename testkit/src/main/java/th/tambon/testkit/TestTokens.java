package th.tambon.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Tokens as an identity provider would issue them, signed with the secret the services under test trust
 * ({@link #SECRET}) for the issuer and audience they expect ({@link #ISSUER}, {@link #AUDIENCE}: the local defaults
 * of every application.yml and of {@code bin/dev token}; {@link #trustingSettings()}), and the bad ones an attacker
 * would try.
 */
public final class TestTokens {
    /** The HS256 secret the services under test check tokens with. */
    public static final String SECRET = "tambon-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    public static final String SECRET_PROPERTY = "tambon.security.jwt.secret";
    /** The {@code iss} of these tokens: the local issuer ({@code TAMBON_JWT_ISSUER}'s default). */
    public static final String ISSUER = "tambon-local";
    public static final String ISSUER_PROPERTY = "micronaut.security.token.jwt.claims-validators.issuer";
    /** The {@code aud} of these tokens ({@code TAMBON_JWT_AUDIENCE}'s default). */
    public static final String AUDIENCE = "tambon-api";
    public static final String AUDIENCE_PROPERTY = "micronaut.security.token.jwt.claims-validators.audience";

    private TestTokens() {
    }

    /** The settings of a process that trusts these tokens: the key, the issuer and the audience. */
    public static Map<String, Object> trustingSettings() {
        return Map.of(SECRET_PROPERTY, SECRET, ISSUER_PROPERTY, ISSUER, AUDIENCE_PROPERTY, AUDIENCE);
    }

    public static String admin() {
        return token("obec-admin", "OBEC_ADMIN", null, null, Duration.ofHours(1));
    }

    public static String viewer() {
        return token("viewer", "VIEWER", null, null, Duration.ofHours(1));
    }

    public static String officer(String esa) {
        return token("officer-" + esa, "ESA_OFFICER", esa, null, Duration.ofHours(1));
    }

    public static String director(String school) {
        return token("director-" + school, "SCHOOL_DIRECTOR", null, school, Duration.ofHours(1));
    }

    /** A token with one role (or none, for {@code role == null}) and the ESA or school it is scoped to. */
    public static String token(String subject, String role, String esa, String school, Duration ttl) {
        Instant now = now();
        return signed(claims(subject, role, esa, school, now, now.plus(ttl)).build());
    }

    /**
     * The claims of a good token with this role (issued now by {@link #ISSUER} for {@link #AUDIENCE}, valid from now
     * for an hour), for a test to change one of them and {@link #signed} the result: a token from another issuer,
     * not yet valid, living too long...
     */
    public static JWTClaimsSet.Builder goodClaims(String subject, String role) {
        Instant now = now();
        return claims(subject, role, null, null, now, now.plus(Duration.ofHours(1)));
    }

    /** These claims signed with the secret the services trust. */
    public static String signed(JWTClaimsSet claims) {
        return sign(claims, SECRET);
    }

    /** Issued an hour ago, expired two minutes ago. */
    public static String expired(String role) {
        Instant expiredAt = now().minusSeconds(120);
        return signed(claims("expired", role, null, null, expiredAt.minus(Duration.ofHours(1)), expiredAt).build());
    }

    /** Signed with a key the services do not trust. */
    public static String signedWithAnotherKey(String role) {
        return sign(goodClaims("stranger", role).build(), "another-secret-that-is-long-enough-0123456789");
    }

    /** A good token whose payload was changed afterwards (its role raised to OBEC_ADMIN): the signature no longer fits. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        var decoder = java.util.Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"roles\":\\[[^]]*]", "\"roles\":[\"OBEC_ADMIN\"]");
        return parts[0] + "." + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(String role) {
        return new PlainJWT(goodClaims("nobody", role).build()).serialize();
    }

    /** A well-signed token without {@code exp}: good forever, so refused. */
    public static String withoutExpiry(String role) {
        return signed(goodClaims("forever", role).expirationTime(null).build());
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    // a JWT's times are whole seconds: truncating here keeps exp - iat exactly the lifetime asked for
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static JWTClaimsSet.Builder claims(String subject, String role, String esa, String school,
                                               Instant issuedAt, Instant expiresAt) {
        var builder = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .claim("roles", role == null ? List.of() : List.of(role));
        if (esa != null) {
            builder.claim("esa", esa);
        }
        if (school != null) {
            builder.claim("school", school);
        }
        return builder;
    }

    private static String sign(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
