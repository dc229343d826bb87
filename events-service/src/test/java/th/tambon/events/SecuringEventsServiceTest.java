package th.tambon.events;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.security.RouteRules;
import th.tambon.security.SecuredServiceContract;
import th.tambon.testkit.RealInfrastructure;

import java.util.HashMap;
import java.util.Map;

/** events-service on its own port: the routes and who may call them (docs/security.md), tokens checked here too. */
class SecuringEventsServiceTest extends SecuredServiceContract {
    private static final String ANY_ROLE = "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, props);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected EmbeddedServer server() {
        return server;
    }

    @Override
    protected Map<String, String> authorizationMatrix() {
        return Map.of(
                "GET /api/v1/replicas/esas/{code}", ANY_ROLE,
                "GET /api/v1/replicas/esas", ANY_ROLE,
                "GET /api/v1/replicas/schools/{code}", ANY_ROLE,
                "GET /api/v1/replicas/schools", ANY_ROLE,
                "GET /api/v1/audit", "OBEC_ADMIN",
                "GET /health", RouteRules.OPEN_ENDPOINT,
                "GET /health/{selector}", RouteRules.OPEN_ENDPOINT,
                "GET /prometheus", RouteRules.OPEN_ENDPOINT);
    }

    @Override
    protected String protectedRead() {
        return "/api/v1/replicas/esas";
    }

    @Override
    protected String openApiDocument() {
        return "/openapi/events-service.yml";
    }
}
