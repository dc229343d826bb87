package th.tambon.security.jwt;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The keys a service checks tokens with: the shared HS256 secret {@code tambon.security.jwt.secret}
 * ({@code TAMBON_JWT_SECRET}; {@code bin/dev} makes one per checkout), and any JWKS an operator configures for a real
 * identity provider ({@code micronaut.security.token.jwt.signatures.jwks.<name>.url}). With no key at all, Micronaut
 * would accept unsigned tokens; {@link Check} refuses to start instead.
 */
@Factory
public class SigningKeys {
    public static final String SECRET_PROPERTY = "tambon.security.jwt.secret";
    public static final int MIN_SECRET_BYTES = 32;

    /** Typed as the interface: the class's own {@code @EachBean} would otherwise make this bean wait for a configuration. */
    @Singleton
    @Requires(property = SECRET_PROPERTY, pattern = ".*\\S.*")
    SignatureConfiguration sharedSecret(@Value("${" + SECRET_PROPERTY + "}") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(SECRET_PROPERTY + " (TAMBON_JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256; bin/dev makes one with: openssl rand -base64 48");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("tambon");
        configuration.setSecret(secret);
        return new SecretSignature(configuration);
    }

    /**
     * Fails start-up when no key is configured: unsigned tokens would then be accepted. A JWKS counts: Micronaut
     * makes it a {@link ReactiveSignatureConfiguration}.
     */
    @Context
    @Singleton
    static class Check {
        Check(List<SignatureConfiguration> signatures, List<ReactiveSignatureConfiguration<?>> providers) {
            if (signatures.isEmpty() && providers.isEmpty()) {
                throw new IllegalStateException("No key to check tokens with: set TAMBON_JWT_SECRET (at least "
                        + MIN_SECRET_BYTES + " bytes) or a JWKS URL "
                        + "(MICRONAUT_SECURITY_TOKEN_JWT_SIGNATURES_JWKS_IDP_URL); see docs/security.md");
            }
        }
    }
}
