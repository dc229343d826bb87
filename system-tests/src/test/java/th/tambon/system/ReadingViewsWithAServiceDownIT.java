package th.tambon.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.Infrastructure;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's ESA report over the four real processes while one service is stopped: the report still answers 200
 * within the view's timeout, that service's section STALE (its last good answer to the same caller, with its time) or
 * UNAVAILABLE (a caller it never answered), every other figure right; once the service is back, the next report is
 * complete again. budget-service first, then events-service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadingViewsWithAServiceDownIT {
    private static final Duration START = Duration.ofSeconds(120);
    /** The gateway's timeout for each service in a view, in this test. */
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(2);
    private static final String REPORT = "/api/v1/esas/P51-1/report?fiscalYear=2563";

    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private String kafka;
    private TestHttp officer;
    private String gatewayUrl;

    @BeforeAll
    void start() {
        kafka = Infrastructure.kafkaBootstrapServers();
        for (String module : List.of("schools-service", "events-service", "budget-service")) {
            databases.put(module, TestDatabase.create("views-" + module));
            processes.put(module, ServiceProcess.startService(module, databases.get(module), kafka));
        }
        String timeout = VIEW_TIMEOUT.toMillis() + "ms";
        ServiceProcess gateway = ServiceProcess.start("gateway", FreePorts.find(), Map.of(
                "SCHOOLS_SERVICE_URL", processes.get("schools-service").url(),
                "EVENTS_SERVICE_URL", processes.get("events-service").url(),
                "BUDGET_SERVICE_URL", processes.get("budget-service").url(),
                "GATEWAY_VIEW_SCHOOLS_TIMEOUT", timeout, "GATEWAY_VIEW_EVENTS_TIMEOUT", timeout,
                "GATEWAY_VIEW_BUDGET_TIMEOUT", timeout));
        processes.put("gateway", gateway);
        processes.values().forEach(p -> p.awaitReady(START));
        gatewayUrl = gateway.url();
        officer = new TestHttp(gatewayUrl).as(TestTokens.officer("P51-1"));
        lamphunWithOneQualitySchoolARoundAndAHeldActivity();
    }

    private void lamphunWithOneQualitySchoolARoundAndAHeldActivity() {
        TestHttp admin = new TestHttp(gatewayUrl).as(TestTokens.admin());
        created(admin.post("/api/v1/esas", TestHttp.json(Map.of("code", "P51-1", "kind", "PRIMARY", "zone", 1,
                "provinceCode", "51", "province", "ลำพูน", "nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1",
                "nameEn", "Lamphun Primary Educational Service Area Office 1"))));
        created(admin.post("/api/v1/schools", TestHttp.json(Map.of("code", "51910001", "nameTh", "โรงเรียนบ้านหนองเงือก",
                "esa", "P51-1", "province", "ลำพูน", "district", "ป่าซาง", "tambon", "มะกอก", "tambonCode", "510403"))));
        created(admin.post("/api/v1/schools/51910001/designations/in-force",
                TestHttp.json(Map.of("designatedOn", "2019-06-01"))));
        Eventually.await(Duration.ofSeconds(60), () -> assertThat(admin.put(
                "/api/v1/fiscal-years/2563/esas/P51-1/rounds/1", TestHttp.json(Map.of("amount", "1000.00",
                        "lines", List.of(Map.of("line", 1, "category", "OPERATING", "purposeTh", "พัฒนาโรงเรียนคุณภาพ",
                                "amount", "1000.00"))))).status()).isEqualTo(201));
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("esa", "P51-1");
        activity.put("ref", "views-plc");
        activity.put("type", "PLC");
        activity.put("titleTh", "ชุมชนการเรียนรู้ทางวิชาชีพ");
        activity.put("tracks", List.of("QUALITY_CLASSROOM"));
        activity.put("venueSchool", "51910001");
        activity.put("start", "2020-09-28T09:00:00+07:00");
        activity.put("end", "2020-09-28T16:00:00+07:00");
        activity.put("agenda", List.of("แลกเปลี่ยนเรียนรู้"));
        String[] id = new String[1];
        Eventually.await(Duration.ofSeconds(60), () -> {
            TestHttp.Response drafted = officer.post("/api/v1/activities", TestHttp.json(activity));
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            id[0] = drafted.json().get("id").asText();
        });
        for (String to : List.of("PLANNED", "HELD")) {
            TestHttp.Response moved = officer.post("/api/v1/activities/" + id[0] + "/transitions",
                    TestHttp.json(Map.of("to", to)));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        TestHttp.Response participation = officer.put("/api/v1/activities/" + id[0] + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("TEACHER", 12), "schools", List.of("51910001"))));
        assertThat(participation.status()).as(participation.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        processes.values().forEach(ServiceProcess::close);
        databases.values().forEach(TestDatabase::close);
    }

    @Test
    @Order(1)
    void with_every_service_up_the_report_is_complete() {
        Eventually.await(Duration.ofSeconds(30), () -> assertComplete(officer.get(REPORT).json()));
    }

    @Test
    @Order(2)
    void with_budget_service_stopped_the_budget_is_stale_or_unavailable_and_the_rest_right_until_it_is_back() {
        stopped("budget-service", "budget", report -> {
            assertThat(report.get("allocated").asText()).as("the last good answer").isEqualTo("1000.00");
            assertThat(report.get("participantsTotal").asLong()).isEqualTo(12);
            assertThat(report.get("qualitySchools").asLong()).isEqualTo(1);
        }, report -> {
            assertThat(report.get("allocated").isNull()).isTrue();
            assertThat(report.get("activitiesHeld").asLong()).isEqualTo(1);
        });
    }

    @Test
    @Order(3)
    void with_events_service_stopped_the_activities_are_stale_or_unavailable_and_the_rest_right_until_it_is_back() {
        stopped("events-service", "events", report -> {
            assertThat(report.get("participantsTotal").asLong()).as("the last good answer").isEqualTo(12);
            assertThat(report.get("allocated").asText()).isEqualTo("1000.00");
        }, report -> {
            assertThat(report.get("participantsTotal").isNull()).isTrue();
            assertThat(report.get("activitiesHeld").isNull()).isTrue();
            assertThat(report.get("remaining").asText()).isEqualTo("1000.00");
            assertThat(report.get("qualitySchools").asLong()).isEqualTo(1);
        });
    }

    private void stopped(String module, String section, java.util.function.Consumer<JsonNode> stale,
                         java.util.function.Consumer<JsonNode> unavailable) {
        assertComplete(officer.get(REPORT).json());
        ServiceProcess down = processes.remove(module);
        down.close();

        long started = System.nanoTime();
        TestHttp.Response again = officer.get(REPORT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        TestHttp.Response stranger = new TestHttp(gatewayUrl).as(TestTokens.token("first-time-" + section, "VIEWER",
                null, null, Duration.ofMinutes(10))).get(REPORT);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(took).as("within the view's timeout").isLessThan(VIEW_TIMEOUT.plusSeconds(3));
        JsonNode seen = again.json();
        assertThat(seen.get("sections").get(section).asText()).isEqualTo("STALE");
        assertThat(seen.get("staleAsOf").get(section).asText()).isNotBlank();
        stale.accept(seen);
        assertThat(stranger.status()).isEqualTo(200);
        JsonNode unseen = stranger.json();
        assertThat(unseen.get("sections").get(section).asText()).isEqualTo("UNAVAILABLE");
        unavailable.accept(unseen);

        ServiceProcess back = ServiceProcess.startService(module, module + "-again", databases.get(module), kafka,
                Map.of(), down.port());
        processes.put(module, back);
        back.awaitReady(START);
        Eventually.await(Duration.ofSeconds(30), () -> assertComplete(officer.get(REPORT).json()));
    }

    private static void assertComplete(JsonNode report) {
        assertThat(report.get("sections").toString())
                .isEqualTo("{\"schools\":\"OK\",\"events\":\"OK\",\"budget\":\"OK\"}");
        assertThat(report.get("staleAsOf").size()).isZero();
        assertThat(report.get("qualitySchools").asLong()).isEqualTo(1);
        assertThat(report.get("activitiesHeld").asLong()).isEqualTo(1);
        assertThat(report.get("participantsTotal").asLong()).isEqualTo(12);
        assertThat(report.get("certificatesAwarded").asLong()).isZero();
        assertThat(report.get("allocated").asText()).isEqualTo("1000.00");
        assertThat(report.get("committed").asText()).isEqualTo("0.00");
        assertThat(report.get("spent").asText()).isEqualTo("0.00");
        assertThat(report.get("remaining").asText()).isEqualTo("1000.00");
    }

    private static void created(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
