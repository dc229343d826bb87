package th.tambon.security.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Static files anyone may read without a token, GET and HEAD only, under the paths {@link #isFile} names (never a
 * path with {@code ..}). Only files: a request that matched a route (a controller's, however its path was spelled) is
 * left to that route's own rule. Everything else needs a rule of its own, or is refused.
 */
public abstract class FilesWithoutTokenRule implements SecurityRule<HttpRequest<?>> {
    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request != null && isFile(request.getPath()) && !request.getPath().contains("..")
                && (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                && request.getAttribute(HttpAttributes.ROUTE_MATCH).isEmpty()) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        return Mono.just(SecurityRuleResult.UNKNOWN);
    }

    /** Whether the path lies where the files are. */
    protected abstract boolean isFile(String path);

    @Override
    public int getOrder() {
        return 0;
    }
}
