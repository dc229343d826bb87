package th.tambon.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.gateway.routing.RouteTable;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway on its own: routing decisions, and how it answers when a service is away. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRoutingTest {
    private EmbeddedServer gateway;
    private TestHttp http;

    @BeforeAll
    void start() {
        String nowhere = "http://127.0.0.1:" + FreePorts.find();
        gateway = TestGateway.start(nowhere, nowhere, nowhere, Map.of());
        http = new TestHttp(gateway.getURL().toString()).as(TestTokens.admin());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void each_resource_is_routed_to_the_service_that_owns_it() {
        RouteTable routes = gateway.getApplicationContext().getBean(RouteTable.class);

        assertThat(routes.resolve("/api/v1/schools/31040001").orElseThrow().service()).isEqualTo("schools-service");
        assertThat(routes.resolve("/api/v1/quality-schools").orElseThrow().path()).isEqualTo("/api/v1/quality-schools");
        assertThat(routes.resolve("/api/v1/quality-schools").orElseThrow().service()).isEqualTo("schools-service");
        assertThat(routes.resolve("/api/v1/esas/P31-4/network").orElseThrow().service()).isEqualTo("schools-service");
        assertThat(routes.resolve("/api/v1/esas").orElseThrow().service()).isEqualTo("schools-service");
        var events = routes.resolve("/api/v1/events/replicas/schools/31040001").orElseThrow();
        assertThat(events.service()).isEqualTo("events-service");
        assertThat(events.path()).isEqualTo("/api/v1/replicas/schools/31040001");
        var budget = routes.resolve("/api/v1/budget/replicas/esas/P51-1").orElseThrow();
        assertThat(budget.service()).isEqualTo("budget-service");
        assertThat(budget.path()).isEqualTo("/api/v1/replicas/esas/P51-1");
        var round = routes.resolve("/api/v1/fiscal-years/2563/esas/P51-1/rounds/2").orElseThrow();
        assertThat(round.service()).isEqualTo("budget-service");
        assertThat(round.path()).isEqualTo("/api/v1/fiscal-years/2563/esas/P51-1/rounds/2");
        var saga = routes.resolve("/api/v1/funding-sagas/0b6f3c1e-2f4d-4a8e-9c3b-5d7e8f9a0b1c").orElseThrow();
        assertThat(saga.service()).isEqualTo("budget-service");
        assertThat(saga.path()).isEqualTo("/api/v1/funding-sagas/0b6f3c1e-2f4d-4a8e-9c3b-5d7e8f9a0b1c");
        assertThat(routes.resolve("/api/v1/funding-sagas/pending").orElseThrow().service()).isEqualTo("budget-service");
        var audit = routes.resolve("/api/v1/audit/events").orElseThrow();
        assertThat(audit.service()).isEqualTo("events-service");
        assertThat(audit.path()).isEqualTo("/api/v1/audit");
        assertThat(routes.resolve("/api/v1/works/forwardings").orElseThrow().path()).isEqualTo("/api/v1/works/forwardings");
        assertThat(routes.resolve("/api/v1/works/forwardings").orElseThrow().service()).isEqualTo("events-service");
        var ita = routes.resolve("/api/v1/ita-results/school/31040001/2563").orElseThrow();
        assertThat(ita.service()).isEqualTo("events-service");
        assertThat(ita.path()).isEqualTo("/api/v1/ita-results/school/31040001/2563");
        assertThat(routes.resolve("/api/v1/schoolsX")).isEmpty();
        assertThat(routes.resolve("/api/v1/certificates/verify/MFRGGZDF").orElseThrow().service())
                .isEqualTo("events-service");
        var page = routes.resolve("/verify/MFRGGZDF").orElseThrow();
        assertThat(page.service()).isEqualTo("events-service");
        assertThat(page.path()).isEqualTo("/verify/MFRGGZDF");
    }

    @Test
    void a_service_that_does_not_answer_becomes_a_503_problem_naming_it() {
        TestHttp.Response response = http.get("/api/v1/schools/31040001");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("schools-service");
    }

    @Test
    void a_body_over_64_kb_is_refused_at_the_gateway_with_413() {
        TestHttp.Response response = http.post("/api/v1/schools", "{\"nameTh\": \"" + "x".repeat(70_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_unknown_api_path_answers_a_404_problem() {
        TestHttp.Response response = http.get("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_gateway_lists_every_api_document_and_serves_its_own() {
        TestHttp.Response index = http.get("/openapi");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("/openapi/schools-service/views/swagger-ui/index.html",
                "/openapi/events-service/events-service.yml", "/openapi/budget-service/budget-service.yml");
        assertThat(http.get("/openapi/gateway.yml").body()).contains("operationId: listDocuments");
        assertThat(http.get("/openapi/views/swagger-ui/index.html").status()).isEqualTo(200);

        var documents = gateway.getApplicationContext().getBean(RouteTable.class)
                .resolve("/openapi/schools-service/schools-service.yml").orElseThrow();
        assertThat(documents.service()).isEqualTo("schools-service");
        assertThat(documents.path()).isEqualTo("/openapi/schools-service.yml");
    }

    @Test
    void health_answers_up() {
        JsonNode health = http.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
    }
}
