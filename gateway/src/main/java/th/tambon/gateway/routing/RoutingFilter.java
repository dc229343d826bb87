package th.tambon.gateway.routing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
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
 * included) comes back as the service gave it. A service that does not answer becomes a 503 problem naming it.
 */
@Filter("/api/v1/**")
public class RoutingFilter implements HttpServerFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingFilter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ProxyHttpClient client;
    private final RouteTable routes;

    public RoutingFilter(ProxyHttpClient client, RouteTable routes) {
        this.client = client;
        this.routes = routes;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        var target = routes.resolve(request.getPath());
        if (target.isEmpty()) {
            return chain.proceed(request);
        }
        var to = target.get();
        var proxied = request.mutate().uri(uri -> uri
                .scheme(to.baseUri().getScheme())
                .host(to.baseUri().getHost())
                .port(to.baseUri().getPort())
                .replacePath(to.path()));
        return Flux.from(client.proxy(proxied))
                .timeout(TIMEOUT)
                .onErrorResume(e -> {
                    LOG.warn("{} did not answer {} {}: {}", to.service(), request.getMethod(), request.getPath(), e.toString());
                    return Flux.just(unavailable(to.service(), request.getPath()));
                });
    }

    private static MutableHttpResponse<?> unavailable(String service, String path) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.status(status).contentType(Problem.MEDIA_TYPE).body(new Problem(
                Problem.TYPE_BASE + "service-unavailable", status.getReason(), status.getCode(),
                service + " is not answering; try again shortly", path, List.of()));
    }
}
