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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.tambon.schools.Fixtures.with;

/** Quality-school designations: the steps, one active school per tambon, history, and "active on date D". */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesignatingQualitySchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp http;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService();
        http = new TestHttp(server.getURL().toString());
        obec = http.as(TestTokens.admin());
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
        for (String[] school : new String[][]{{"31040001", "312104"}, {"31040002", "312104"}, {"31040003", "312105"},
                {"31040004", "312106"}, {"31040005", "312107"}, {"31040006", "312108"}, {"31040007", "312109"}}) {
            var body = with(with(Fixtures.banHuaFai(), "code", school[0]), "tambonCode", school[1]);
            if (!school[0].equals("31040001")) {
                body = with(body, "nameTh", "โรงเรียนทดสอบ " + school[0]);
            }
            assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_officer_nominates_obec_designates_and_activates_and_each_step_is_announced_in_order() throws Exception {
        try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            TestHttp.Response nominated = http.as(TestTokens.officer("P31-4"))
                    .post("/api/v1/schools/31040003/designations", TestHttp.json(Map.of("on", "2019-05-15", "reason", "เสนอชื่อ")));
            assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
            String id = nominated.json().get("id").asText();

            assertThat(step("31040003", id, "DESIGNATED", "2019-06-01", null).status()).isEqualTo(200);
            TestHttp.Response active = step("31040003", id, "ACTIVE", "2019-06-01", null);
            assertThat(active.status()).as(active.body()).isEqualTo(200);
            assertThat(active.json().get("activeFrom").asText()).isEqualTo("2019-06-01");

            List<JsonNode> steps = new ArrayList<>();
            for (String status : List.of("NOMINATED", "DESIGNATED", "ACTIVE")) {
                ConsumerRecord<String, byte[]> event = probe.await(r -> "31040003".equals(r.key())
                        && "th.tambon.school.designation-changed.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("\"status\":\"" + status + "\""),
                        Duration.ofSeconds(20));
                JsonNode data = new ObjectMapper().readTree(event.value());
                assertThat(new ContractSchemas().violations(EventType.QUALITY_SCHOOL_DESIGNATION_CHANGED, data)).isEmpty();
                steps.add(data);
            }
            assertThat(steps).extracting(d -> d.get("version").asLong()).containsExactly(2L, 3L, 4L);
            assertThat(steps.get(0).get("reason").asText()).isEqualTo("เสนอชื่อ");
        }
        JsonNode school = obec.get("/api/v1/schools/31040003").json();
        assertThat(school.get("qualityStatus").asText()).isEqualTo("ACTIVE");
        assertThat(school.get("version").asLong()).isEqualTo(4);
        JsonNode history = http.as(TestTokens.viewer()).get("/api/v1/schools/31040003/designations").json();
        assertThat(history.get(0).get("steps").findValuesAsText("status")).containsExactly("NOMINATED", "DESIGNATED", "ACTIVE");
        assertThat(history.get(0).get("steps").findValuesAsText("recordedBy")).containsExactly("officer-P31-4", "obec-admin", "obec-admin");
    }

    @Test
    void a_second_active_school_in_a_tambon_is_a_409_naming_the_current_one_and_nothing_changes() {
        assertThat(inForce("31040001", "2019-06-01").status()).isEqualTo(201);
        String id = http.as(TestTokens.officer("P31-4")).post("/api/v1/schools/31040002/designations",
                TestHttp.json(Map.of("on", "2020-01-10"))).json().get("id").asText();
        assertThat(step("31040002", id, "DESIGNATED", "2020-01-15", null).status()).isEqualTo(200);
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long version = obec.get("/api/v1/schools/31040002").json().get("version").asLong();

        TestHttp.Response second = step("31040002", id, "ACTIVE", "2020-02-01", null);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asText())
                .isEqualTo("Tambon 312104 already has an active quality school: 31040001 โรงเรียนบ้านหัวฝาย (active from 2019-06-01)");
        assertThat(second.json().get("errors").findValuesAsText("field")).containsExactly("tambonCode");
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        JsonNode school = obec.get("/api/v1/schools/31040002").json();
        assertThat(school.get("qualityStatus").asText()).isEqualTo("DESIGNATED");
        assertThat(school.get("version").asLong()).isEqualTo(version);
        assertThat(inForce("31040002", "2018-01-01").status()).as("open designation first").isEqualTo(409);
    }

    @Test
    void the_database_itself_refuses_a_second_active_school_in_a_tambon_and_overlapping_active_periods() throws SQLException {
        assertThat(inForce("31040004", "2019-06-01").status()).isEqualTo(201);
        try (Connection sql = infra.database().connect()) {
            assertThatThrownBy(() -> sql.createStatement().execute("""
                    INSERT INTO designation (id, school, esa, tambon_code, status, nominated_on, designated_on, active_from,
                        created_at, updated_at)
                    VALUES (gen_random_uuid(), '31040005', 'P31-4', '312106', 'ACTIVE', '2020-01-01', '2020-01-01',
                        '2020-01-01', now(), now())"""))
                    .isInstanceOf(SQLException.class)
                    .hasMessageMatching("(?s).*(designation_one_active_per_tambon|designation_active_periods_do_not_overlap).*");
            assertThatThrownBy(() -> sql.createStatement().execute("""
                    INSERT INTO designation (id, school, esa, tambon_code, status, nominated_on, designated_on, active_from,
                        withdrawn_on, created_at, updated_at)
                    VALUES (gen_random_uuid(), '31040005', 'P31-4', '312106', 'WITHDRAWN', '2018-01-01', '2018-01-01',
                        '2018-01-01', '2019-07-01', now(), now())"""))
                    .isInstanceOf(SQLException.class).hasMessageContaining("designation_active_periods_do_not_overlap");
        }
    }

    @Test
    void the_registry_answers_which_schools_were_active_at_the_end_of_a_fiscal_year() {
        assertThat(inForce("31040005", "2019-06-01").status()).isEqualTo(201);
        String id = http.as(TestTokens.viewer()).get("/api/v1/schools/31040005/designations").json().get(0).get("id").asText();
        assertThat(step("31040005", id, "WITHDRAWN", "2020-10-15", "ควบรวมกับโรงเรียนข้างเคียง").status()).isEqualTo(200);

        assertThat(activeSchools("esa=P31-4&fiscalYear=2563")).contains("31040005");
        assertThat(activeSchools("esa=P31-4&fiscalYear=2564")).doesNotContain("31040005");
        assertThat(activeSchools("esa=P31-4&activeOn=2019-05-31")).doesNotContain("31040005");
        assertThat(activeSchools("esa=P51-1&fiscalYear=2563")).isEmpty();
        assertThat(http.as(TestTokens.viewer()).get("/api/v1/quality-schools?activeOn=2020-01-01&fiscalYear=2563").status())
                .isEqualTo(422);
        JsonNode withdrawn = http.as(TestTokens.viewer()).get("/api/v1/schools/31040005/designations").json().get(0);
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("steps").get(1).get("reason").asText()).isEqualTo("ควบรวมกับโรงเรียนข้างเคียง");
    }

    @Test
    void illegal_steps_and_bad_dates_are_refused_naming_the_field_and_change_nothing() {
        String id = obec.post("/api/v1/schools/31040006/designations", TestHttp.json(Map.of("on", "2020-01-10")))
                .json().get("id").asText();
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response skip = step("31040006", id, "ACTIVE", "2020-02-01", null);
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("errors").findValuesAsText("field")).containsExactly("status");
        TestHttp.Response noReason = step("31040006", id, "WITHDRAWN", "2020-02-01", null);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
        TestHttp.Response backwards = step("31040006", id, "DESIGNATED", "2020-01-09", null);
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("errors").findValuesAsText("field")).containsExactly("on");
        TestHttp.Response unknownStatus = step("31040006", id, "GOLD", "2020-02-01", null);
        assertThat(unknownStatus.status()).isEqualTo(422);
        assertThat(unknownStatus.json().get("errors").findValuesAsText("field")).containsExactly("status");
        assertThat(obec.post("/api/v1/schools/31040006/designations", TestHttp.json(Map.of("on", "2020-01-10"))).status())
                .as("a second open designation").isEqualTo(409);
        assertThat(step("31040006", "00000000-0000-0000-0000-000000000000", "DESIGNATED", "2020-02-01", null).status())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void only_an_officer_of_the_schools_esa_or_obec_nominates_and_only_obec_takes_the_later_steps() {
        long designations = count("SELECT count(*) FROM designation");
        String body = TestHttp.json(Map.of("on", "2020-01-10"));
        assertThat(http.as(TestTokens.officer("P51-1")).post("/api/v1/schools/31040007/designations", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.director("31040007")).post("/api/v1/schools/31040007/designations", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.viewer()).post("/api/v1/schools/31040007/designations", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.officer("P31-4")).post("/api/v1/schools/31040007/designations/in-force",
                TestHttp.json(Map.of("designatedOn", "2019-06-01"))).status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM designation")).isEqualTo(designations);

        String id = http.as(TestTokens.officer("P31-4")).post("/api/v1/schools/31040007/designations", body)
                .json().get("id").asText();
        assertThat(http.as(TestTokens.officer("P31-4")).post("/api/v1/schools/31040007/designations/" + id + "/steps",
                TestHttp.json(Map.of("status", "DESIGNATED", "on", "2020-01-11"))).status()).isEqualTo(403);
        assertThat(obec.get("/api/v1/schools/31040007").json().get("qualityStatus").asText()).isEqualTo("NOMINATED");
    }

    @Test
    void a_new_designation_dated_inside_the_schools_withdrawn_one_is_a_422_naming_the_date_not_a_conflict_with_itself() {
        var body = with(with(with(Fixtures.banHuaFai(), "code", "31040008"), "tambonCode", "312110"), "nameTh", "โรงเรียนบ้านโคก");
        assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        String first = inForce("31040008", "2019-06-01").json().get("id").asText();
        assertThat(step("31040008", first, "WITHDRAWN", "2021-01-01", "ผลการประเมินไม่ผ่าน").status()).isEqualTo(200);
        long rows = count("SELECT (SELECT count(*) FROM designation) + (SELECT count(*) FROM messaging.outbox_message)");

        TestHttp.Response nominated = obec.post("/api/v1/schools/31040008/designations",
                TestHttp.json(Map.of("on", "2020-03-01")));
        TestHttp.Response inForce = inForce("31040008", "2020-01-01");
        TestHttp.Response nominatedEarlier = obec.post("/api/v1/schools/31040008/designations/in-force",
                TestHttp.json(Map.of("nominatedOn", "2020-12-01", "designatedOn", "2021-02-01")));

        assertField(nominated, 422, "on", "31040008's previous designation was withdrawn on 2021-01-01");
        assertField(inForce, 422, "designatedOn", "31040008's previous designation was withdrawn on 2021-01-01");
        assertField(nominatedEarlier, 422, "nominatedOn", "withdrawn on 2021-01-01");
        assertThat(count("SELECT (SELECT count(*) FROM designation) + (SELECT count(*) FROM messaging.outbox_message)"))
                .isEqualTo(rows);
        TestHttp.Response again = obec.post("/api/v1/schools/31040008/designations", TestHttp.json(Map.of("on", "2021-01-01")));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }

    private static void assertField(TestHttp.Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains(message);
    }

    private TestHttp.Response inForce(String school, String date) {
        return obec.post("/api/v1/schools/" + school + "/designations/in-force",
                TestHttp.json(Map.of("designatedOn", date, "reason", "นำเข้าข้อมูลเดิม")));
    }

    private TestHttp.Response step(String school, String id, String status, String on, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("on", on);
        body.put("reason", reason);
        return obec.post("/api/v1/schools/" + school + "/designations/" + id + "/steps", TestHttp.json(body));
    }

    private List<String> activeSchools(String query) {
        TestHttp.Response response = http.as(TestTokens.viewer()).get("/api/v1/quality-schools?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items").findValuesAsText("school");
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
