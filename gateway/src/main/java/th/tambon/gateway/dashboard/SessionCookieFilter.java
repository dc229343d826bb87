package th.tambon.gateway.dashboard;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the dashboard's session cookie into the bearer token everything else reads, before the security filter: a
 * GET or HEAD from a signed-in browser then goes through the same checks, proxying and composed views as an API call
 * with that token (which goes on to the services as its {@code Authorization}). Only reads: a cookie never
 * authorizes a change, so no other site can make a signed-in browser change anything (and SameSite=Strict keeps the
 * cookie off other sites' requests besides). The session cookie itself is taken out of every request, so it never
 * reaches a service. A request that brings its own {@code Authorization} keeps it.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SessionCookieFilter implements HttpServerFilter {
    public static final int ORDER = ServerFilterPhase.SECURITY.before();

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> token = SessionCookie.token(request);
        if (request.getCookies().findCookie(SessionCookie.NAME).isEmpty()) {
            return chain.proceed(request);
        }
        MutableHttpRequest<?> mutable = request.mutate();
        String others = request.getCookies().getAll().stream()
                .filter(cookie -> !SessionCookie.NAME.equals(cookie.getName()))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        mutable.getHeaders().remove(HttpHeaders.COOKIE);
        if (!others.isEmpty()) {
            mutable.getHeaders().add(HttpHeaders.COOKIE, others);
        }
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (read && token.isPresent() && !request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            mutable.getHeaders().add(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
        }
        return chain.proceed(mutable);
    }
}
