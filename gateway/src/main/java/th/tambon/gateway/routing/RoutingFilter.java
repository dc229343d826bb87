package th.tambon.gateway.routing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import th.tambon.http.Problem;

import java.time.Duration;
import java.util.List;

/**
 * Proxies {@code /api/v1/**} to the owning service without blocking: the body streams through, the answer (errors
 * included) comes back as the service gave it. The path the client called goes along as {@code X-Forwarded-Uri},
 * so a problem's {@code instance} names it rather than the service's own path. A body over the size cap is refused
 * here with 413; a service that does not answer becomes a 503 problem naming it.
 */
@Filter("/api/v1/**")
public class RoutingFilter implements HttpServerFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingFilter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ProxyHttpClient client;
    private final RouteTable routes;
    private final long maxRequestSize;

    public RoutingFilter(ProxyHttpClient client, RouteTable routes, HttpServerConfiguration server) {
        this.client = client;
        this.routes = routes;
        this.maxRequestSize = server.getMaxRequestSize();
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
                .header(Problem.FORWARDED_URI_HEADER, request.getPath());
        return Flux.from(client.proxy(proxied))
                .timeout(TIMEOUT)
                .onErrorResume(ContentLengthExceededException.class, e -> Flux.just(tooLarge(request.getPath())))
                .onErrorResume(e -> {
                    LOG.warn("{} did not answer {} {}: {}", to.service(), request.getMethod(), request.getPath(), e.toString());
                    return Flux.just(unavailable(to.service(), request.getPath()));
                });
    }

    private static MutableHttpResponse<?> unavailable(String service, String path) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                service + " is not answering; try again shortly", path);
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
