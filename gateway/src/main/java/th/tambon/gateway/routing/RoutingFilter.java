package th.tambon.gateway.routing;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import th.tambon.http.Problem;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Proxies {@code /api/v1/**} (and the services' {@code /openapi/**} documents) to the owning service without blocking: the body streams through, the answer (errors
 * included) comes back as the service gave it. The path the client called goes along as {@code X-Forwarded-Uri}
 * (replacing any the client sent), so a problem's {@code instance} names it rather than the service's own path, and
 * the client's address as {@code X-Forwarded-For} (likewise replaced), for the limits a service keeps per address. A
 * body over the size cap is refused here with 413. A service that cannot be reached is a 503 problem (nothing
 * happened there; try again); one that does not answer in time is a 504 (it may have done the work: look before
 * repeating a write). It runs after the security filter ({@link RoutedRequestsRule}) and the rate limit: a request
 * reaches a service only with a valid token, which goes along unchanged (the services check it again, and check
 * what it may touch). Browser cookies stay here: a service reads tokens only.
 */
@Filter({"/api/v1/**", "/openapi/**", "/verify/**"})
public class RoutingFilter implements HttpServerFilter {
    /** After the security filter and the rate limit ({@link th.tambon.gateway.limits.RateLimitFilter}). */
    public static final int ORDER = ServerFilterPhase.SECURITY.order() + 200;
    private static final Logger LOG = LoggerFactory.getLogger(RoutingFilter.class);
    /** The client's address as the gateway sees it, replacing any the client sent (services limit per address). */
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ProxyHttpClient client;
    private final RouteTable routes;
    private final long maxRequestSize;
    private final Duration timeout;

    public RoutingFilter(ProxyHttpClient client, RouteTable routes, HttpServerConfiguration server,
                         @Value("${tambon.gateway.timeout:30s}") Duration timeout) {
        this.client = client;
        this.routes = routes;
        this.maxRequestSize = server.getMaxRequestSize();
        this.timeout = timeout;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        var target = routes.resolve(request.getPath());
        if (target.isEmpty()) {
            return chain.proceed(request);
        }
        var to = target.get();
        if (request.getContentLength() > maxRequestSize) {
            return Flux.just(tooLarge(request.getPath()));
        }
        var proxied = request.mutate().uri(uri -> uri
                .scheme(to.baseUri().getScheme())
                .host(to.baseUri().getHost())
                .port(to.baseUri().getPort())
                .replacePath(to.path()))
                .headers(headers -> headers.set(Problem.FORWARDED_URI_HEADER, request.getPath())
                        .set(FORWARDED_FOR, request.getRemoteAddress().getAddress().getHostAddress())
                        // the services read tokens, never cookies: none of the browser's goes on (the dashboard's
                        // sign-in state and nonce, a proxy's own)
                        .remove(HttpHeaders.COOKIE));
        return Flux.from(client.proxy(proxied))
                .timeout(timeout)
                .onErrorResume(ContentLengthExceededException.class, e -> Flux.just(tooLarge(request.getPath())))
                .onErrorResume(e -> {
                    boolean late = e instanceof TimeoutException || e instanceof ReadTimeoutException;
                    LOG.warn("{} {} {} {}: {}", to.service(), late ? "did not answer in time" : "could not be reached",
                            request.getMethod(), request.getPath(), e.toString());
                    return Flux.just(late ? timedOut(to.service(), request) : unavailable(to.service(), request.getPath()));
                });
    }

    private static MutableHttpResponse<?> unavailable(String service, String path) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                service + " cannot be reached; nothing was done there, try again shortly", path);
    }

    private MutableHttpResponse<?> timedOut(String service, HttpRequest<?> request) {
        String detail = service + " did not answer within " + timeout.toMillis() + " ms";
        if (!SAFE_METHODS.contains(request.getMethod())) {
            detail += "; the change may have been made: look it up before sending it again";
        }
        return problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", detail, request.getPath());
    }

    private MutableHttpResponse<?> tooLarge(String path) {
        return problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                "The request body exceeds " + maxRequestSize + " bytes", path);
    }

    private static MutableHttpResponse<?> problem(HttpStatus status, String type, String detail, String path) {
        return HttpResponse.status(status).contentType(Problem.MEDIA_TYPE).body(new Problem(
                Problem.TYPE_BASE + type, status.getReason(), status.getCode(), detail, path, List.of()));
    }
}
