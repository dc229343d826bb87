package th.tambon.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;

/** gateway: the front door on port 8080; routes /api/v1/** to the three services. */
@OpenAPIDefinition(info = @Info(title = "Tambon gateway", version = "v1", description = """
        The front door on one origin: /api/v1/** is routed to the service that owns it (schools-service: /esas, \
        /schools; events-service: /activities, /events/replicas; budget-service: /fiscal-years, /funding-sagas, \
        /budget/replicas), whose documents are linked from /openapi. A service that cannot be reached answers 503; one \
        that does not answer in time 504. Errors are RFC 9457 problems (application/problem+json)."""),
        servers = @Server(url = "/", description = "the gateway"))
public final class GatewayApplication {
    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
