package th.tambon.gateway.routing;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which service answers which part of {@code /api/v1} and {@code /openapi}; documented in README.md ("APIs"). */
@Singleton
public class RouteTable {
    static final List<Route> ROUTES = List.of(
            new Route("/api/v1/esas", "schools-service", "/api/v1/esas"),
            new Route("/api/v1/schools", "schools-service", "/api/v1/schools"),
            new Route("/api/v1/quality-schools", "schools-service", "/api/v1/quality-schools"),
            new Route("/api/v1/plans", "schools-service", "/api/v1/plans"),
            new Route("/api/v1/academic-years", "schools-service", "/api/v1/academic-years"),
            new Route("/api/v1/events/replicas", "events-service", "/api/v1/replicas"),
            new Route("/api/v1/activities", "events-service", "/api/v1/activities"),
            new Route("/api/v1/works", "events-service", "/api/v1/works"),
            new Route("/api/v1/ita-results", "events-service", "/api/v1/ita-results"),
            new Route("/api/v1/certificates", "events-service", "/api/v1/certificates"),
            new Route("/api/v1/school-records", "events-service", "/api/v1/school-records"),
            // the page a certificate's QR code opens (no token; PUBLIC below)
            new Route("/verify", "events-service", "/verify"),
            new Route("/api/v1/budget/replicas", "budget-service", "/api/v1/replicas"),
            new Route("/api/v1/fiscal-years", "budget-service", "/api/v1/fiscal-years"),
            new Route("/api/v1/funding-sagas", "budget-service", "/api/v1/funding-sagas"),
            // each service's audit trail (OBEC_ADMIN)
            new Route("/api/v1/audit/schools", "schools-service", "/api/v1/audit"),
            new Route("/api/v1/audit/events", "events-service", "/api/v1/audit"),
            new Route("/api/v1/audit/budget", "budget-service", "/api/v1/audit"),
            // each service's OpenAPI document and Swagger UI (th.tambon.gateway.docs.DocumentsController)
            new Route("/openapi/schools-service", "schools-service", "/openapi"),
            new Route("/openapi/events-service", "events-service", "/openapi"),
            new Route("/openapi/budget-service", "budget-service", "/openapi"));

    /**
     * What anyone may read without a token: the public lookup of a certificate by the code printed on it, as JSON and
     * as the page its QR code opens (events-service limits it per client address). One code, nothing after it.
     */
    static final List<Pattern> PUBLIC = List.of(
            Pattern.compile("/api/v1/certificates/verify/[A-Za-z0-9-]{1,64}"),
            Pattern.compile("/verify/[A-Za-z0-9-]{1,64}"));

    /**
     * The views the gateway composes itself (th.tambon.gateway.report, .profile, .overview, .activity): never routed,
     * though their paths lie under a routed prefix.
     */
    static final List<Pattern> COMPOSED = List.of(
            Pattern.compile("/api/v1/esas/[^/]+/report"),
            Pattern.compile("/api/v1/schools/[^/]+/report"),
            Pattern.compile("/api/v1/overview"),
            Pattern.compile("/api/v1/activities/[^/]+/report"));

    private final Map<String, URI> services;

    public RouteTable(@Value("${tambon.gateway.services.schools}") URI schools,
                      @Value("${tambon.gateway.services.events}") URI events,
                      @Value("${tambon.gateway.services.budget}") URI budget) {
        this.services = Map.of("schools-service", schools, "events-service", events, "budget-service", budget);
    }

    public Optional<Target> resolve(String path) {
        if (COMPOSED.stream().anyMatch(p -> p.matcher(path).matches())) {
            return Optional.empty();
        }
        return ROUTES.stream().filter(r -> r.matches(path)).findFirst()
                .map(r -> new Target(r.service(), services.get(r.service()), r.rewrite(path)));
    }

    /** Whether anyone may read this path without a token (GET or HEAD; {@link #PUBLIC}). */
    public boolean isPublic(HttpMethod method, String path) {
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && PUBLIC.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** Where a request goes: the service, its base URI and the path on it. */
    public record Target(String service, URI baseUri, String path) {
    }
}
