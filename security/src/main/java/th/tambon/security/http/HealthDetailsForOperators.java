package th.tambon.security.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.DetailsVisibility;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import th.tambon.security.Roles;

import java.security.Principal;

/**
 * {@code /health} answers everyone its status and HTTP code (probes need nothing more), but its details (datasource
 * URLs, SQL errors, Kafka nodes, the messaging workers' errors) only to an operator: a valid OBEC_ADMIN token.
 * Micronaut's {@code details-visible: AUTHENTICATED} would show them to any token (a viewer's, a school director's);
 * this narrows it. {@code NEVER} and {@code ANONYMOUS} keep Micronaut's meaning.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class HealthDetailsForOperators extends HealthEndpoint {
    public HealthDetailsForOperators(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                     @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        if (getDetailsVisible() != DetailsVisibility.AUTHENTICATED) {
            return super.levelOfDetail(principal);
        }
        return principal instanceof Authentication authentication && authentication.getRoles().contains(Roles.OBEC_ADMIN)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
