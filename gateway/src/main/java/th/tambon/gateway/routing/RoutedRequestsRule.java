package th.tambon.gateway.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import th.tambon.security.Role;

/**
 * What the gateway lets through to a service: a request under {@code /api/v1} with a valid token holding one of
 * the four roles (the service then decides, against the stored object, what that token may do there); the services'
 * OpenAPI documents to anyone, and the public lookup of a certificate ({@link RouteTable#isPublic}) to anyone. Anything
 * the route table does not know is left to the other rules, which refuse it.
 */
@Singleton
public class RoutedRequestsRule implements SecurityRule<HttpRequest<?>> {
    private final RouteTable routes;

    public RoutedRequestsRule(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request != null && routes.isPublic(request.getMethod(), request.getPath())) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        if (request == null || !request.getPath().startsWith("/api/") || routes.resolve(request.getPath()).isEmpty()) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        boolean known = authentication != null
                && authentication.getRoles().stream().anyMatch(role -> Role.of(role).isPresent());
        return Mono.just(known ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
