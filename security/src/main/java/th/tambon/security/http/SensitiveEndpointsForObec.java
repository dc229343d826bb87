package th.tambon.security.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import th.tambon.security.Roles;

/**
 * A management endpoint configured as sensitive ({@code PROMETHEUS_SENSITIVE=true}, say) answers OBEC
 * administrators only; Micronaut's own rule would refuse it to everyone.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class SensitiveEndpointsForObec extends SensitiveEndpointRule {
    public SensitiveEndpointsForObec(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                      @NonNull Authentication authentication,
                                                                      @NonNull ExecutableMethod<?, ?> method) {
        return Mono.just(authentication.getRoles().contains(Roles.OBEC_ADMIN)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
