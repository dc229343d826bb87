package th.tambon.gateway.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import th.tambon.http.ApiProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The dashboard's sign-in: a browser hands over a token once (the {@code bin/dev dashboard} link puts it in the
 * URL's fragment, which never reaches a server; the page sends it here as its {@code Authorization} and scrubs it
 * from the address bar) and from then on carries it in the session cookie ({@link SessionCookie}). The token is
 * checked here like on any call; the cookie lives as long as the token and no longer.
 */
@Controller("/session")
@Tag(name = "Dashboard", description = "The web dashboard's session: who is signed in, signing in and out")
public class SessionController {
    private final Clock clock;
    private final SignInProviders providers;

    public SessionController(Clock clock, SignInProviders providers) {
        this.clock = clock;
        this.providers = providers;
    }

    /** Who the browser is signed in as, or that it is not. */
    @Serdeable
    @Schema(description = "Who the browser is signed in as (signedIn false and nulls when it is not), and the identity "
            + "providers it can sign in with (none when the gateway has no identity provider configured)")
    public record Session(boolean signedIn, @Nullable String subject, List<String> roles, @Nullable String esa,
                          @Nullable String school, @Nullable Instant expiresAt,
                          List<SignInProviders.Provider> providers) {
        static Session of(@Nullable Authentication who, @Nullable Instant expiresAt,
                          List<SignInProviders.Provider> providers) {
            if (who == null) {
                return new Session(false, null, List.of(), null, null, null, providers);
            }
            return new Session(true, who.getName(), List.copyOf(who.getRoles()), text(who, "esa"), text(who, "school"),
                    expiresAt, providers);
        }

        private static String text(Authentication who, String claim) {
            Object value = who.getAttributes().get(claim);
            return value == null ? null : value.toString();
        }
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "readSession", summary = "Who the browser is signed in as",
            description = "Anyone may ask; a browser without a session (or whose token has expired) is told it is not "
                    + "signed in, and with which identity providers it can sign in (each a `login` path to open).")
    @ApiResponse(responseCode = "200", description = "The session")
    public Session read(@Nullable Authentication authentication) {
        return Session.of(authentication, authentication == null ? null : expiry(authentication), providers.all());
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "signIn", summary = "Sign the browser in with the token in Authorization",
            description = "The token is checked as on any call (a bad or expired one is a 401 problem); the answer sets "
                    + "the HttpOnly, SameSite=Strict session cookie for as long as the token lives. No body.")
    @ApiResponse(responseCode = "200", description = "Signed in: the session")
    @ApiResponse(responseCode = "401", description = "No token, or a token refused")
    public MutableHttpResponse<Session> signIn(Authentication authentication, HttpRequest<?> request,
                                               @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblemException.invalidField("Authorization", "must carry a bearer token");
        }
        Instant expiresAt = expiry(authentication);
        MutableHttpResponse<Session> response = HttpResponse.ok(Session.of(authentication, expiresAt, providers.all()));
        SessionCookie.set(response, request, authorization.substring(7).trim(), expiresAt, clock);
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "signOut", summary = "Sign the browser out",
            description = "Clears the session cookie; the token itself lives on until it expires.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    public MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        return SessionCookie.clear(HttpResponse.noContent(), request);
    }

    /** When the token expires: its {@code exp} (every token here has one; th.tambon.security.jwt.RequiredClaims). */
    private static Instant expiry(Authentication authentication) {
        Object exp = authentication.getAttributes().get("exp");
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("a validated token without exp: " + exp);
    }
}
