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
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Tokens as an identity provider would issue them, signed with the secret the services under test trust
 * ({@link #SECRET}, set by {@link RealInfrastructure#serviceProperties()}), and the bad ones an attacker would try.
 */
public final class TestTokens {
    /** The HS256 secret the services under test check tokens with. */
    public static final String SECRET = "tambon-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    public static final String SECRET_PROPERTY = "tambon.security.jwt.secret";

    private TestTokens() {
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
        return sign(claims(subject, role, esa, school, Instant.now().plus(ttl)), SECRET);
    }

    public static String expired(String role) {
        return sign(claims("expired", role, null, null, Instant.now().minusSeconds(120)), SECRET);
    }

    /** Signed with a key the services do not trust. */
    public static String signedWithAnotherKey(String role) {
        return sign(claims("stranger", role, null, null, Instant.now().plusSeconds(3600)),
                "another-secret-that-is-long-enough-0123456789");
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
        return new PlainJWT(claims("nobody", role, null, null, Instant.now().plusSeconds(3600))).serialize();
    }

    /** A well-signed token without {@code exp}: good forever, so refused. */
    public static String withoutExpiry(String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("forever").claim("roles", List.of(role)).build();
        return sign(claims, SECRET);
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static JWTClaimsSet claims(String subject, String role, String esa, String school, Instant expiresAt) {
        var builder = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(Date.from(expiresAt)).claim("roles", role == null ? List.of() : List.of(role));
        if (esa != null) {
            builder.claim("esa", esa);
        }
        if (school != null) {
            builder.claim("school", school);
        }
        return builder.build();
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
