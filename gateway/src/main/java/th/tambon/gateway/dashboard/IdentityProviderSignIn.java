package th.tambon.gateway.dashboard;

import com.nimbusds.jwt.JWTParser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * The end of a sign-in with the operator's identity provider (OpenID Connect authorization code, run by
 * micronaut-security-oauth2 at {@code /oauth/login/oidc} and {@code /oauth/callback/oidc}): the provider's ID token,
 * which Micronaut has checked (signature, issuer, audience, nonce, and this deployment's own token rules), becomes the
 * browser's session cookie exactly as a token handed to {@code POST /session} does ({@link SessionCookie}), and the
 * browser goes on to the dashboard. A failed sign-in (a forged or missing state, the provider's refusal) goes back to
 * the sign-in page with nothing set.
 * <p>
 * Present only when an identity provider is configured ({@code TAMBON_OIDC_ISSUER}): Micronaut's OAuth controller needs
 * a login handler like this one, so without it no {@code /oauth} route exists. Micronaut's own
 * {@code micronaut.security.authentication: idtoken} would set the same cookie, but it is a fixed setting rather than
 * one that follows the issuer, and it also turns on Micronaut's cookie token reader (every method) and a second check
 * of every token's issuer against the OAuth clients', which would judge API tokens unlike the services do.
 */
@Singleton
@Requires(property = IdentityProviderSignIn.ISSUER_PROPERTY, pattern = ".*\\S.*")
public class IdentityProviderSignIn implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {
    public static final String ISSUER_PROPERTY = "tambon.oidc.issuer";
    /** The OAuth client's name in micronaut.security.oauth2.clients (application.yml): its routes end in it. */
    public static final String CLIENT = "oidc";
    /** Where a failed sign-in lands: the sign-in page, told why in its fragment (never sent to a server). */
    static final URI FAILED = URI.create("/signin#failed");
    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderSignIn.class);

    private final Clock clock;

    public IdentityProviderSignIn(Clock clock) {
        this.clock = clock;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Object idToken = authentication.getAttributes().get(OpenIdAuthenticationMapper.OPENID_TOKEN_KEY);
        if (!(idToken instanceof String token)) {
            LOG.error("The identity provider's sign-in ended without its ID token (micronaut.security.oauth2.openid."
                    + "additional-claims.jwt must be true)");
            return failed();
        }
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, "/").header(HttpHeaders.CACHE_CONTROL, "no-store");
        return SessionCookie.set(response, request, token, expiry(token), clock);
    }

    /** Not reached: the dashboard refreshes no token (it signs in again when the token expires). */
    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken,
                                               HttpRequest<?> request) {
        return failed();
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        LOG.info("A sign-in with the identity provider failed: {}", failure.getMessage().orElse("no reason given"));
        return failed();
    }

    private static MutableHttpResponse<?> failed() {
        return HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, FAILED.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The token's {@code exp}: Micronaut has checked it (th.tambon.security.jwt.RequiredClaims requires one). */
    private static Instant expiry(String token) {
        try {
            Date exp = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
            if (exp == null) {
                throw new IllegalStateException("a validated ID token without exp");
            }
            return exp.toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("a validated ID token that does not parse", e);
        }
    }
}
