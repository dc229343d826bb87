package th.tambon.security.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Set;

/**
 * Counts the writes refused with a 4xx (no or bad token, a role or an ESA that does not allow it, invalid input) as
 * {@code tambon_http_rejected_writes_total{method,status}}: they change nothing, so no audit entry records them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RejectedRequests implements Ordered {
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private final MeterRegistry meters;

    public RejectedRequests(MeterRegistry meters) {
        this.meters = meters;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status >= 400 && status < 500 && !READS.contains(request.getMethod())) {
            Counter.builder("tambon.http.rejected.writes")
                    .description("Writes refused with a 4xx: nothing stored, nothing published")
                    .tag("method", request.getMethodName()).tag("status", Integer.toString(status))
                    .register(meters).increment();
        }
    }

    @Override
    public int getOrder() {
        // outside the security filter, so its 401 and 403 answers are seen too
        return ServerFilterPhase.METRICS.order();
    }
}
