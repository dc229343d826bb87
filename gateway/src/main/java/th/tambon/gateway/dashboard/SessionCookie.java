package th.tambon.gateway.dashboard;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's session: the caller's token in an HttpOnly, SameSite=Strict cookie, so that it never sits in a
 * URL, in page script or in {@code localStorage} ({@link SessionController} sets and clears it, {@link SessionCookieFilter}
 * reads it).
 */
public final class SessionCookie {
    public static final String NAME = "TAMBON_SESSION";

    private SessionCookie() {
    }

    /**
     * The token the request's session cookie holds, if it holds exactly one: two session cookies (one set for a parent
     * domain by a sibling site, say) are no session at all, whichever a parser would keep.
     */
    public static Optional<String> token(HttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(HttpHeaders.COOKIE).stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::strip)
                .filter(pair -> pair.startsWith(NAME + "="))
                .map(pair -> pair.substring(NAME.length() + 1).strip())
                .toList();
        return values.size() == 1 && !values.get(0).isEmpty() ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** Sets the cookie for as long as the token lives: until its {@code exp}, by the gateway's clock. */
    public static MutableHttpResponse<?> set(MutableHttpResponse<?> response, HttpRequest<?> request, String token,
                                             Instant expiresAt, Clock clock) {
        return response.cookie(cookie(request, token).maxAge(Duration.between(clock.instant(), expiresAt)));
    }

    /** Clears the cookie (an empty value that has already expired). */
    public static MutableHttpResponse<?> clear(MutableHttpResponse<?> response, HttpRequest<?> request) {
        return response.cookie(cookie(request, "").maxAge(0));
    }

    private static Cookie cookie(HttpRequest<?> request, String value) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(isHttps(request));
    }

    /** Over HTTPS, directly or behind a proxy that says so: the cookie is then never sent over plain HTTP. */
    static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
