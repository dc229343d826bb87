package th.tambon.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.schools.calendar.application.AnnouncingTheAcademicCalendar;
import th.tambon.testkit.PublishedEvents;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/**
 * The contract docs/topics.md states: every event on a key carries a version that only grows for that key, so a
 * consumer that keeps the highest version per key loses nothing. The service is taken through every event type it
 * publishes on schools.v1, interleaving the aggregates that could share a key, and then every key's events, in the
 * order they are published (the outbox's), must carry strictly growing versions. A type added to schools.v1 without
 * being driven here fails the test. The academic calendar is announced at start-up, and again (as a restart would)
 * once a year is recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneVersionSequencePerKeyTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    /** 10:00 on 1 October 2020 in Bangkok: academic year 2563, so plans for 2563 and 2564 may be drafted. */
    private static final Instant NOW = Instant.parse("2020-10-01T03:00:00Z");
    private static final String PLAN = "{\"academicYear\": %d, \"targets\": [{\"track\": \"ITA\", \"goal\": \"%s\"}]}";

    private EmbeddedServer server;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService(Map.of(SettableClock.PROPERTY, "true"));
        server.getApplicationContext().getBean(SettableClock.class).set(NOW);
        obec = new TestHttp(server.getURL().toString()).as(SettableClock.adminTokenIssuedAt(NOW));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_event_on_a_key_carries_a_version_that_only_grows_for_that_key_whatever_its_type() throws Exception {
        ok(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("32", 1))));
        ok(obec.put("/api/v1/esas/P32-1", TestHttp.json(Map.of("nameTh", "สพป.บุรีรัมย์ เขต 4",
                "nameEn", "Buriram Primary Educational Service Area Office 4"))));
        ok(obec.post("/api/v1/schools", TestHttp.json(Fixtures.school("32010001", "P32-1", "320101"))));
        ok(obec.post("/api/v1/schools", TestHttp.json(Fixtures.school("32010002", "P32-1", "320102"))));
        // two plans of one school, and the school itself, changing in turn
        ok(obec.post("/api/v1/schools/32010001/plans", PLAN.formatted(2563, "ผ่าน ITA ระดับ A")));
        ok(obec.post("/api/v1/schools/32010001/plans", PLAN.formatted(2564, "ผ่าน ITA ระดับ AA")));
        ok(obec.put("/api/v1/schools/32010001", TestHttp.json(Fixtures.banHuaFaiUpdate(120))));
        ok(obec.withHeader("If-Match", "\"1\"").put("/api/v1/schools/32010001/plans/2563",
                "{\"targets\": [{\"track\": \"INNOVATION\", \"goal\": \"นวัตกรรม 1 ชิ้น\"}]}"));
        ok(planStep("2563", "\"2\"", "SUBMITTED", null));
        ok(planStep("2563", "\"3\"", "RETURNED", "เพิ่มตัวชี้วัด"));
        ok(planStep("2563", "\"4\"", "SUBMITTED", null));
        ok(planStep("2563", "\"5\"", "APPROVED", null));
        ok(planStep("2564", "\"1\"", "SUBMITTED", null));
        // designations, the network, a withdrawal
        String nominated = ok(obec.post("/api/v1/schools/32010001/designations",
                TestHttp.json(Map.of("on", "2019-05-15")))).json().get("id").asText();
        ok(designationStep("32010001", nominated, "DESIGNATED", "2019-06-01", null));
        ok(designationStep("32010001", nominated, "ACTIVE", "2019-06-01", null));
        String inForce = ok(obec.post("/api/v1/schools/32010002/designations/in-force",
                TestHttp.json(Map.of("designatedOn", "2019-06-01")))).json().get("id").asText();
        ok(obec.put("/api/v1/esas/P32-1/network", TestHttp.json(Map.of("chairSchool", "32010001",
                "chairPerson", "ดร.จำปา จันทะสอน", "members", List.of("32010001", "32010002")))));
        ok(obec.put("/api/v1/esas/P32-1/network", TestHttp.json(Map.of("chairSchool", "32010002",
                "chairPerson", "นายประธาน ใหม่", "members", List.of("32010001", "32010002")))));
        ok(designationStep("32010002", inForce, "WITHDRAWN", "2020-09-30", "ย้ายไปโครงการอื่น"));
        ok(obec.post("/api/v1/schools/32010002/plans", PLAN.formatted(2563, "ผ่าน ITA ระดับ B")));
        // the academic calendar, announced at start-up: a year recorded by a migration, announced at the next start
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO academic_year (year_be, opens_on, second_semester_from)"
                    + " VALUES (2564, DATE '2021-06-14', DATE '2021-11-01')");
        }
        assertThat(server.getApplicationContext().getBean(AnnouncingTheAcademicCalendar.class).announceIfChanged())
                .isPresent();

        Set<String> types = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(Topics.SCHOOLS_V1))
                .map(EventType::ceType).collect(Collectors.toSet());
        PublishedEvents.assertVersionsGrowPerKey(infra.database(), Topics.SCHOOLS_V1, types);
    }

    private TestHttp.Response planStep(String year, String ifMatch, String status, String reason) {
        return obec.withHeader("If-Match", ifMatch).post("/api/v1/schools/32010001/plans/" + year + "/steps",
                Fixtures.planStep(status, reason));
    }

    private TestHttp.Response designationStep(String school, String id, String status, String on, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("on", on);
        if (reason != null) {
            body.put("reason", reason);
        }
        return obec.post("/api/v1/schools/" + school + "/designations/" + id + "/steps", TestHttp.json(body));
    }

    private static TestHttp.Response ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }
}
