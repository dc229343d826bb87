package th.tambon.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every route of a service with the rule that guards it, as Micronaut's router and {@code SecuredAnnotationRule} see
 * them: {@code "POST /api/v1/schools" -> "ESA_OFFICER,OBEC_ADMIN"}. A route without {@code @Secured} (directly or
 * through {@link AnyRole}) maps to {@link #NO_RULE}; the security filter refuses it, and each service's
 * authorization-matrix test fails on it. A management endpoint is guarded by its sensitivity instead
 * ({@link #SENSITIVE_ENDPOINT}: a token needed, and then refused; {@link #OPEN_ENDPOINT}: anyone).
 */
public final class RouteRules {
    public static final String NO_RULE = "<no rule>";
    public static final String OPEN_ENDPOINT = "<open endpoint>";
    public static final String SENSITIVE_ENDPOINT = "<sensitive endpoint>";

    private RouteRules() {
    }

    /**
     * @param router      the service's router
     * @param sensitivity its management endpoints' methods and whether each is sensitive
     *                    ({@code EndpointSensitivityProcessor#getEndpointMethods()})
     */
    public static Map<String, String> of(Router router, Map<ExecutableMethod, Boolean> sensitivity) {
        Map<String, String> rules = new TreeMap<>();
        // HEAD is answered by the GET route's method, under its rule
        router.uriRoutes().filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .forEach(route -> rules.put(key(route), ruleOf(route, sensitivity)));
        return rules;
    }

    private static String key(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString();
    }

    private static String ruleOf(MethodBasedRouteInfo<?, ?> method, Map<ExecutableMethod, Boolean> sensitivity) {
        Boolean sensitive = sensitivity.get(method.getTargetMethod().getExecutableMethod());
        if (sensitive != null) {
            return sensitive ? SENSITIVE_ENDPOINT : OPEN_ENDPOINT;
        }
        return method.getTargetMethod().getAnnotationMetadata().getValue(Secured.class, String[].class)
                .map(values -> Arrays.stream(values).collect(Collectors.toCollection(TreeSet::new)))
                .map(values -> String.join(",", values))
                .orElse(NO_RULE);
    }
}
