package th.tambon.replica.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.security.RouteRules;
import th.tambon.security.SecuredServiceContract;
import th.tambon.testkit.RealInfrastructure;

import java.util.Map;

/**
 * {@link SecuredServiceContract} for a service whose API is, so far, its replica of schools and its audit trail
 * (events-service, budget-service), started as itself. Its replica is written by schools.v1 only: HTTP can write
 * nothing but the outbox and the audit trail. Shipped in schools-replica's test-jar.
 */
public abstract class ReplicaServiceSecurityContract extends SecuredServiceContract {
    private static final String ANY_ROLE = "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER";

    @RegisterExtension
    protected static final RealInfrastructure infra = new RealInfrastructure();

    private final String service;
    private EmbeddedServer server;

    /** @param service the service under test, e.g. {@code events-service} */
    protected ReplicaServiceSecurityContract(String service) {
        this.service = service;
    }

    @BeforeAll
    void start() {
        server = infra.startService();
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
        return "/openapi/" + service + ".yml";
    }

    @Override
    protected long writableRows() {
        return infra.database().queryLong(
                "SELECT (SELECT count(*) FROM messaging.outbox_message) + (SELECT count(*) FROM audit.audit_entry)");
    }
}
