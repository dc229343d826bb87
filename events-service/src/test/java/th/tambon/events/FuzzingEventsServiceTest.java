package th.tambon.events;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.fuzz.Fuzzer;
import th.tambon.testkit.fuzz.HostileRequests;
import th.tambon.testkit.fuzz.OpenApiDocument;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests derived from events-service's OpenAPI document: none answers 5xx, every error is a problem, and
 * none writes a row through HTTP (outbox, audit; its replica is written by schools.v1 only).
 * {@code -Dtambon.fuzz.requests=10000} for the full run (docs/security.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzingEventsServiceTest {
    private static final Logger LOG = LoggerFactory.getLogger(FuzzingEventsServiceTest.class);

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

    @Test
    void hostile_requests_from_the_api_document_never_answer_5xx_always_answer_problems_and_write_nothing() {
        var requests = new HostileRequests(OpenApiDocument.fromClasspath("META-INF/swagger/events-service.yml"),
                "P31-4", "P51-1").requests();

        var report = Fuzzer.run(new TestHttp(server.getURL().toString()), requests, Fuzzer.requestsPerRun(),
                Fuzzer.seed(), this::rows);

        LOG.info("events-service fuzz: {}", report);
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.sent()).isEqualTo(Fuzzer.requestsPerRun());
    }

    private long rows() {
        try (Connection connection = infra.database().connect(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM messaging.outbox_message) + (SELECT count(*) FROM audit.audit_entry)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
