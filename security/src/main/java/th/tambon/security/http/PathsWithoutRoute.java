package th.tambon.security.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A request that matches no route is a 401 without a valid token, like any other, so an anonymous caller cannot map
 * which routes exist; with a token it goes on to its 404 problem (or 405 when another method has the path). It runs
 * after the rules that let a request without a route through on their own terms (the OpenAPI documents, the
 * gateway's proxied paths) and decides whatever they left, whatever {@code micronaut.security.reject-not-found} says.
 */
@Singleton
public class PathsWithoutRoute implements SecurityRule<HttpRequest<?>> {
    public static final int ORDER = 100;

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || request.getAttribute(HttpAttributes.ROUTE_MATCH).isPresent()) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        return Mono.just(authentication == null ? SecurityRuleResult.REJECTED : SecurityRuleResult.ALLOWED);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
