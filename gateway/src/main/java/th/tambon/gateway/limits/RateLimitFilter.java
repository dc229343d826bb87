package th.tambon.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import th.tambon.http.ApiProblemException;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per caller (bucket4j) in front of the services: over the limit, a 429 problem with
 * {@code Retry-After} in seconds, and nothing reaches a service. It runs after the security filter, so a caller is
 * the validated token's subject; a request refused there (401/403) costs no service anything and is not counted here.
 * The services' documents and the public certificate lookup, proxied without a token, are limited per client address.
 */
@Filter({"/api/**", "/openapi/**", "/verify/**"})
public class RateLimitFilter implements HttpServerFilter {
    /** After the security filter, before routing. */
    public static final int ORDER = ServerFilterPhase.SECURITY.order() + 100;

    private final RateLimitSettings settings;
    private final ErrorResponseProcessor<?> problems;
    private final Counter limited;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(RateLimitSettings settings, ErrorResponseProcessor<?> problems, MeterRegistry meters) {
        this.settings = settings;
        this.problems = problems;
        this.limited = Counter.builder("tambon.gateway.rate.limited")
                .description("Requests refused with 429: their caller was over its rate limit").register(meters);
        this.buckets = Caffeine.newBuilder().maximumSize(settings.getMaxCallers())
                .expireAfterAccess(settings.getIdleAfter()).build();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Bucket bucket = buckets.get(callerOf(request), caller -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.proceed(request);
        }
        limited.increment();
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ApiProblemException problem = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Over the limit of " + settings.getPerSecond() + " requests per second (bursts up to "
                        + settings.getBurst() + "); try again in " + retryAfter + " s", List.of());
        MutableHttpResponse<?> response = io.micronaut.http.HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(retryAfter));
        return Flux.just(problems.processResponse(ErrorContext.builder(request).cause(problem).build(), response));
    }

    private static String callerOf(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName).map(name -> "sub:" + name)
                .orElseGet(() -> "addr:" + request.getRemoteAddress().getAddress().getHostAddress());
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(settings.getBurst())
                .refillGreedy(settings.getPerSecond(), Duration.ofSeconds(1)).build()).build();
    }
}
