package th.tambon.gateway.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The dashboard's files ({@code /assets/**}: its script, styles and fonts; {@code /webjars/**}: Chart.js) are read
 * without a token, GET and HEAD only: the sign-in page needs them before anyone is signed in, and they hold no
 * programme data. Only files: a request that matched a route is left to that route's own rule.
 */
@Singleton
public class DashboardAssetsRule implements SecurityRule<HttpRequest<?>> {
    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request != null && isAsset(request.getPath())
                && (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                && request.getAttribute(HttpAttributes.ROUTE_MATCH).isEmpty()) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        return Mono.just(SecurityRuleResult.UNKNOWN);
    }

    static boolean isAsset(String path) {
        return (path.startsWith("/assets/") || path.startsWith("/webjars/")) && !path.contains("..");
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
