package th.tambon.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.Infrastructure;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The four services as separate processes from their jars, on a real broker and real databases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingSkeletonIT {
    private static final Logger LOG = LoggerFactory.getLogger(WalkingSkeletonIT.class);
    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private ServiceProcess events;
    private TestHttp gateway;
    private String gatewayUrl;

    @BeforeAll
    void start() {
        String kafka = Infrastructure.kafkaBootstrapServers();
        ServiceProcess schools = service("schools-service", kafka);
        events = service("events-service", kafka);
        ServiceProcess budget = service("budget-service", kafka);
        ServiceProcess front = ServiceProcess.start("gateway", FreePorts.find(), Map.of(
                "SCHOOLS_SERVICE_URL", schools.url(),
                "EVENTS_SERVICE_URL", events.url(),
                "BUDGET_SERVICE_URL", budget.url()));
        processes.add(front);
        processes.forEach(p -> p.awaitReady(Duration.ofSeconds(90)));
        gatewayUrl = front.url();
        gateway = new TestHttp(gatewayUrl).as(TestTokens.admin());
    }

    private ServiceProcess service(String module, String kafka) {
        TestDatabase database = TestDatabase.create(module);
        databases.add(database);
        ServiceProcess process = ServiceProcess.startService(module, database, kafka);
        processes.add(process);
        return process;
    }

    @AfterAll
    void stop() {
        processes.forEach(ServiceProcess::close);
        databases.forEach(TestDatabase::close);
    }

    @Test
    void a_school_registered_through_the_gateway_reaches_the_events_and_budget_replicas() {
        assertThat(gateway.post("/api/v1/esas", TestHttp.json(Map.of(
                "code", "P51-1", "kind", "PRIMARY", "zone", 1, "provinceCode", "51", "province", "ลำพูน",
                "nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1",
                "nameEn", "Lamphun Primary Educational Service Area Office 1"))).status()).isEqualTo(201);
        long registered = System.nanoTime();
        TestHttp.Response school = gateway.post("/api/v1/schools", TestHttp.json(Map.of(
                "code", "51010001", "nameTh", "โรงเรียนตัวอย่างลำพูน", "esa", "P51-1", "province", "ลำพูน",
                "district", "เมืองลำพูน", "tambon", "ในเมือง", "tambonCode", "510101")));
        assertThat(school.status()).as(school.body()).isEqualTo(201);

        TestHttp direct = new TestHttp(events.url()).as(TestTokens.viewer());
        Eventually.await(Duration.ofSeconds(20), () ->
                assertThat(direct.get("/api/v1/replicas/schools/51010001").status()).isEqualTo(200));
        LOG.info("school visible in events-service's replica {} ms after registration",
                (System.nanoTime() - registered) / 1_000_000);

        JsonNode inEvents = gateway.get("/api/v1/events/replicas/schools/51010001").json();
        assertThat(inEvents.get("esa").asText()).isEqualTo("P51-1");
        Eventually.await(Duration.ofSeconds(20), () ->
                assertThat(gateway.get("/api/v1/budget/replicas/schools/51010001").status()).isEqualTo(200));
        Eventually.await(Duration.ofSeconds(20), () ->
                assertThat(gateway.get("/api/v1/budget/replicas/esas/P51-1").json().get("province").asText())
                        .isEqualTo("ลำพูน"));
    }

    @Test
    void a_body_over_64_kb_is_refused_at_the_gateway_as_a_413_problem() {
        TestHttp.Response response = gateway.post("/api/v1/schools",
                TestHttp.json(Map.of("code", "51010009", "nameTh", "ก".repeat(70_000))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_gateway_serves_every_services_api_document_and_browsable_ui_under_its_origin() {
        for (String service : List.of("schools-service", "events-service", "budget-service")) {
            TestHttp.Response document = gateway.get("/openapi/" + service + "/" + service + ".yml");
            assertThat(document.status()).as(service).isEqualTo(200);
            assertThat(document.body()).contains("title: Tambon " + service);
            TestHttp.Response ui = gateway.get("/openapi/" + service + "/views/swagger-ui/index.html");
            assertThat(ui.status()).as(service + " UI").isEqualTo(200);
            assertThat(gateway.get("/openapi/" + service + "/views/swagger-ui/res/swagger-ui.css").status())
                    .isEqualTo(200);
        }
        assertThat(gateway.get("/openapi/gateway.yml").body()).contains("title: Tambon gateway");
    }

    @Test
    void a_token_from_bin_dev_is_accepted_through_the_gateway_and_no_token_is_refused() throws Exception {
        ProcessBuilder command = new ProcessBuilder("bin/dev", "token", "--role", "VIEWER", "--ttl", "5m")
                .directory(Path.of("..").toAbsolutePath().normalize().toFile());
        command.environment().put("TAMBON_JWT_SECRET", TestTokens.SECRET);
        Process token = command.start();
        String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(token.waitFor()).isZero();

        TestHttp anonymous = new TestHttp(gatewayUrl);
        assertThat(anonymous.get("/api/v1/esas").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/schools", "{}").status()).isEqualTo(401);
        assertThat(anonymous.as(jwt).get("/api/v1/esas").status()).isEqualTo(200);
        assertThat(anonymous.as(jwt).post("/api/v1/schools", "{}").status()).isEqualTo(403);
    }

    @Test
    void every_process_answers_liveness() {
        for (ServiceProcess process : processes) {
            assertThat(new TestHttp(process.url()).get("/health/liveness").status()).as(process.url()).isEqualTo(200);
        }
    }

    @Test
    void bad_input_through_the_gateway_answers_the_services_problem() {
        TestHttp.Response response = gateway.post("/api/v1/schools", TestHttp.json(Map.of("code", "123")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("code", "tambonCode");
    }

    @Test
    void a_problem_from_behind_the_gateway_names_the_path_the_client_called() {
        TestHttp.Response response = gateway.get("/api/v1/events/replicas/esas/P99-9");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("instance").asText()).isEqualTo("/api/v1/events/replicas/esas/P99-9");
    }
}
