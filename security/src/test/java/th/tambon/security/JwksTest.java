package th.tambon.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's alternative to the shared secret: a JWKS URL of an identity provider (Keycloak and the like). A
 * service configured with only that trusts the provider's RS256 tokens and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksTest {
    private RSAKey providerKey;
    private HttpServer provider;
    private EmbeddedServer server;

    @BeforeAll
    void start() throws JOSEException, IOException {
        providerKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        byte[] jwks = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/realms/tambon/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                TestTokens.ISSUER_PROPERTY, "https://sso.example.org/realms/tambon",
                TestTokens.AUDIENCE_PROPERTY, TestTokens.AUDIENCE,
                "tambon.security.jwt.max-lifetime", "10m",
                "micronaut.security.basic-auth.enabled", false,
                "security-kit-test.routes", true,
                "micronaut.security.token.jwt.signatures.jwks.idp.url",
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/tambon/certs"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void a_token_signed_by_the_identity_providers_key_is_accepted_with_its_claims() throws JOSEException {
        var actor = new TestHttp(server.getURL().toString()).as(signed(providerKey, "idp-1")).get("/kit/read");

        assertThat(actor.status()).isEqualTo(200);
        assertThat(actor.json().get("subject").asText()).isEqualTo("keycloak-user");
        assertThat(actor.json().get("esa").asText()).isEqualTo("P51-1");
    }

    @Test
    void a_token_signed_by_another_rsa_key_or_with_a_shared_secret_nobody_configured_is_a_401() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        TestHttp http = new TestHttp(server.getURL().toString());

        assertThat(http.as(signed(stranger, "idp-1")).get("/kit/read").status()).isEqualTo(401);
        assertThat(http.as(TestTokens.admin()).get("/kit/read").status()).isEqualTo(401);
    }

    @Test
    void the_maximum_lifetime_the_operator_sets_applies_to_the_providers_tokens() throws JOSEException {
        TestHttp http = new TestHttp(server.getURL().toString());

        assertThat(http.as(signed(providerKey, "idp-1", Duration.ofMinutes(10))).get("/kit/read").status()).isEqualTo(200);
        assertThat(http.as(signed(providerKey, "idp-1", Duration.ofMinutes(15))).get("/kit/read").status()).isEqualTo(401);
    }

    private static String signed(RSAKey key, String keyId) throws JOSEException {
        return signed(key, keyId, Duration.ofMinutes(5));
    }

    private static String signed(RSAKey key, String keyId, Duration lifetime) throws JOSEException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().issuer("https://sso.example.org/realms/tambon").audience(TestTokens.AUDIENCE)
                        .subject("keycloak-user").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                        .claim("roles", List.of("ESA_OFFICER")).claim("esa", "P51-1").build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
