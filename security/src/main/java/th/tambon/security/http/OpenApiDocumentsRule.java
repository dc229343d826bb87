package th.tambon.security.http;

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
 * The OpenAPI documents and their UI under {@code /openapi} are read without a token (GET and HEAD only); they
 * describe the API, they hold no programme data. Only files: a request that matched a route (a controller's, however
 * its path was spelled) is left to that route's own rule. Everything else needs a rule of its own, or is refused.
 */
@Singleton
public class OpenApiDocumentsRule implements SecurityRule<HttpRequest<?>> {
    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request != null && isDocument(request.getPath())
                && (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                && request.getAttribute(HttpAttributes.ROUTE_MATCH).isEmpty()) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        return Mono.just(SecurityRuleResult.UNKNOWN);
    }

    static boolean isDocument(String path) {
        return (path.equals("/openapi") || path.startsWith("/openapi/")) && !path.contains("..");
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
