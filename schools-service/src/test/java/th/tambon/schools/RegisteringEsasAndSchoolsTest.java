package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.ContractSchemas;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisteringEsasAndSchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp http;

    @BeforeAll
    void start() {
        server = infra.startService();
        http = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_registered_school_is_announced_on_schools_v1_keyed_by_its_code_and_true_to_its_schema() throws Exception {
        try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            assertThat(http.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
            TestHttp.Response created = http.post("/api/v1/schools", TestHttp.json(Fixtures.banHuaFai()));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.location()).isEqualTo("/api/v1/schools/31040001");
            assertThat(created.json().get("nameTh").asText()).isEqualTo("โรงเรียนบ้านหัวฝาย");

            ConsumerRecord<String, byte[]> esaEvent = probe.await(r -> "P31-4".equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(esaEvent, CloudEventHeaders.TYPE)).isEqualTo("th.tambon.esa.registered.v1");
            ConsumerRecord<String, byte[]> schoolEvent = probe.await(r -> "31040001".equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(schoolEvent, CloudEventHeaders.TYPE)).isEqualTo("th.tambon.school.registered.v1");
            assertThat(KafkaProbe.header(schoolEvent, CloudEventHeaders.SOURCE)).isEqualTo("/tambon/schools-service");
            JsonNode data = new ObjectMapper().readTree(schoolEvent.value());
            assertThat(new ContractSchemas().violations(EventType.SCHOOL_REGISTERED, data)).isEmpty();
            assertThat(data.get("esa").asText()).isEqualTo("P31-4");
            assertThat(data.get("tambonCode").asText()).isEqualTo("312104");
            assertThat(Instant.parse(KafkaProbe.header(schoolEvent, CloudEventHeaders.TIME)))
                    .as("ce_time is when the school was registered")
                    .isEqualTo(Instant.parse(data.get("registeredAt").asText()));
        }

        JsonNode school = http.get("/api/v1/schools/31040001").json();
        assertThat(school.get("director").asText()).isEqualTo("ดร.จำปา จันทะสอน");
        assertThat(http.get("/api/v1/esas/P31-4").json().get("zone").asInt()).isEqualTo(4);
    }

    @Test
    void an_event_continues_the_trace_of_the_request_that_caused_it() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String caller = "00-" + traceId + "-00f067aa0ba902b7-01";
        http.post("/api/v1/esas", TestHttp.json(with(with(with(Fixtures.buriram4(), "code", "P31-2"), "zone", 2),
                "nameEn", "Buriram Primary Educational Service Area Office 2")));
        try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            var body = with(with(Fixtures.banHuaFai(), "code", "31020001"), "esa", "P31-2");
            assertThat(http.post("/api/v1/schools", TestHttp.json(body), Map.of("traceparent", caller)).status())
                    .isEqualTo(201);

            ConsumerRecord<String, byte[]> event = probe.await(r -> "31020001".equals(r.key()), Duration.ofSeconds(20));
            String traceparent = KafkaProbe.header(event, "traceparent");
            assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-01").isNotEqualTo(caller);
        }
    }

    @Test
    void schools_are_listed_by_esa_a_page_at_a_time() {
        http.post("/api/v1/esas", TestHttp.json(with(with(with(Fixtures.buriram4(), "code", "P31-3"), "zone", 3),
                "nameEn", "Buriram Primary Educational Service Area Office 3")));
        for (int i = 1; i <= 3; i++) {
            var body = with(with(Fixtures.banHuaFai(), "code", "3103000" + i), "esa", "P31-3");
            assertThat(http.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        }

        JsonNode page = http.get("/api/v1/schools?esa=P31-3&page=1&size=2").json();

        assertThat(page.get("totalItems").asInt()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("code").asText()).isEqualTo("31030003");
    }

    @Test
    void a_page_past_the_end_lists_no_items_rather_than_leaving_items_out() {
        JsonNode page = http.get("/api/v1/esas?page=99&size=1").json();

        assertThat(page.get("items").isArray()).isTrue();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("page").asInt()).isEqualTo(99);
    }

    @Test
    void the_service_holds_no_more_connections_than_its_pool() throws Exception {
        try (var connection = infra.database().connect(); var rows = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rows.next();
            assertThat(rows.getInt(1)).as("connections of a pool of 4").isLessThanOrEqualTo(4);
        }
    }

    @Test
    void the_openapi_document_and_its_browsable_ui_are_served() {
        TestHttp.Response document = http.get("/openapi/schools-service.yml");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("operationId: registerSchool", "application/problem+json");

        TestHttp.Response ui = http.get("/openapi/views/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("../../schools-service.yml");
        assertThat(http.get("/openapi/views/swagger-ui/res/swagger-ui-bundle.js").status()).isEqualTo(200);
    }

    @Test
    void readiness_reports_the_database_and_kafka_up() {
        JsonNode readiness = http.get("/health/readiness").json();

        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/details/jdbc/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/details/kafka/status").asText()).isEqualTo("UP");
    }
}
