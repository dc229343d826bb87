package th.tambon.events.certificate.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The public certificate lookup (JSON and page) answers no one without a token more often than a token bucket per
 * client address allows (bucket4j, as the gateway limits its callers): over it, a 429 problem with
 * {@code Retry-After} in seconds, and nothing is read. Codes cannot be guessed; this keeps a scraper or a flood from
 * costing the service more than a person checking a paper would.
 */
@Filter({VerificationController.API_PATH + "/**", VerificationController.PAGE_PATH + "/**"})
public class VerificationRateLimit implements HttpServerFilter {
    private final VerificationLimits limits;
    private final ClientAddresses addresses;
    private final ErrorResponseProcessor<?> problems;
    private final Counter limited;
    private final Cache<String, Bucket> buckets;

    public VerificationRateLimit(VerificationLimits limits, ClientAddresses addresses,
                                 ErrorResponseProcessor<?> problems, MeterRegistry meters) {
        this.limits = limits;
        this.addresses = addresses;
        this.problems = problems;
        this.limited = Counter.builder("tambon.certificates.verification.rate.limited")
                .description("Certificate lookups refused with 429: their client was over its rate limit")
                .register(meters);
        this.buckets = Caffeine.newBuilder().maximumSize(limits.getMaxClients())
                .expireAfterAccess(limits.getIdleAfter()).build();
    }

    @Override
    public int getOrder() {
        // before the security filter: a lookup needs no token, so there is nothing for it to decide first
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Bucket bucket = buckets.get(addresses.of(request), client -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.proceed(request);
        }
        limited.increment();
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ApiProblemException problem = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Over the limit of " + limits.getPerMinute() + " certificate lookups a minute from one address "
                        + "(bursts up to " + limits.getBurst() + "); try again in " + retryAfter + " s", List.of());
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(retryAfter));
        return Flux.just(problems.processResponse(ErrorContext.builder(request).cause(problem).build(), response));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.getBurst())
                .refillGreedy(limits.getPerMinute(), Duration.ofMinutes(1)).build()).build();
    }
}
