package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/**
 * GET /api/v1/quality-schools/counts: every ESA's schools and active quality schools on a date, for the ESA report and
 * the national overview, in one call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountingQualitySchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp viewer;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp http = new TestHttp(server.getURL().toString());
        obec = http.as(TestTokens.admin());
        viewer = http.as(TestTokens.viewer());
        for (Map<String, Object> esa : List.of(Fixtures.lamphun1(), Fixtures.yasothonSecondary(), Fixtures.buriram4())) {
            assertThat(obec.post("/api/v1/esas", TestHttp.json(esa)).status()).isEqualTo(201);
        }
        for (String code : List.of("31040001", "31040002", "31040003", "31040004")) {
            school(code, "P31-4", "3121" + code.substring(6));
        }
        school("51010001", "P51-1", "510101");
        school("51010002", "P51-1", "510102");
        // active through FY2563 and on
        inForce("31040001", "2019-06-01");
        // withdrawn on FY2563's last day: no longer active on it
        String withdrawn = inForce("31040002", "2019-06-01");
        Map<String, Object> step = new LinkedHashMap<>(Map.of("status", "WITHDRAWN", "on", "2020-09-30",
                "reason", "ควบรวมกับโรงเรียนข้างเคียง"));
        assertThat(obec.post("/api/v1/schools/31040002/designations/" + withdrawn + "/steps", TestHttp.json(step))
                .status()).isEqualTo(200);
        // active from the first day of FY2564
        inForce("31040003", "2020-10-01");
        // nominated only
        assertThat(obec.post("/api/v1/schools/31040004/designations", TestHttp.json(Map.of("on", "2020-01-10")))
                .status()).isEqualTo(201);
        inForce("51010001", "2019-06-01");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void each_registered_esa_has_its_schools_and_its_quality_schools_active_on_the_fiscal_years_last_day_in_code_order() {
        JsonNode counts = counts("fiscalYear=2563");

        assertThat(counts.get("fiscalYear").asInt()).isEqualTo(2563);
        assertThat(counts.get("activeOn").asText()).isEqualTo("2020-09-30");
        assertThat(counts.get("esas").findValuesAsText("esa")).containsExactly("P31-4", "P51-1", "S35-1");
        JsonNode buriram = counts.get("esas").get(0);
        assertThat(buriram.get("nameTh").asText()).isEqualTo("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4");
        assertThat(buriram.get("nameEn").asText()).isEqualTo("Buriram Primary Educational Service Area Office 4");
        assertThat(buriram.get("kind").asText()).isEqualTo("PRIMARY");
        assertThat(buriram.get("zone").asInt()).isEqualTo(4);
        assertThat(buriram.get("provinceCode").asText()).isEqualTo("31");
        assertThat(buriram.get("province").asText()).isEqualTo("บุรีรัมย์");
        assertThat(schoolsAndQualitySchools(counts)).containsExactly(
                Map.entry("P31-4", List.of(4, 1)), Map.entry("P51-1", List.of(2, 1)), Map.entry("S35-1", List.of(0, 0)));
        assertThat(schoolsAndQualitySchools(counts("fiscalYear=2564"))).containsExactly(
                Map.entry("P31-4", List.of(4, 2)), Map.entry("P51-1", List.of(2, 1)), Map.entry("S35-1", List.of(0, 0)));
    }

    @Test
    void the_counts_agree_with_the_list_of_active_quality_schools_on_the_same_date() {
        for (String on : List.of("fiscalYear=2562", "fiscalYear=2563", "fiscalYear=2564", "activeOn=2020-09-29",
                "activeOn=2020-10-01")) {
            for (JsonNode esa : counts(on).get("esas")) {
                TestHttp.Response listed = viewer.get("/api/v1/quality-schools?esa=" + esa.get("esa").asText() + "&" + on);
                assertThat(listed.status()).as(listed.body()).isEqualTo(200);
                assertThat(esa.get("qualitySchools").asLong()).as(on + " " + esa.get("esa").asText())
                        .isEqualTo(listed.json().get("totalItems").asLong());
            }
        }
        assertThat(counts("fiscalYear=2562").get("esas").findValuesAsText("qualitySchools"))
                .as("nothing active on 2019-09-30 but the three in force from 2019-06-01")
                .containsExactly("2", "1", "0");
    }

    @Test
    void active_on_a_date_may_be_asked_instead_of_a_fiscal_year() {
        JsonNode counts = counts("activeOn=2020-09-29");

        assertThat(counts.get("activeOn").asText()).isEqualTo("2020-09-29");
        assertThat(counts.has("fiscalYear")).isTrue();
        assertThat(counts.get("fiscalYear").isNull()).isTrue();
        assertThat(schoolsAndQualitySchools(counts)).containsEntry("P31-4", List.of(4, 2));
    }

    @Test
    void the_counts_are_filtered_by_esa_kind_and_province() {
        assertThat(counts("fiscalYear=2563&esa=P31-4").get("esas").findValuesAsText("esa")).containsExactly("P31-4");
        assertThat(counts("fiscalYear=2563&kind=SECONDARY").get("esas").findValuesAsText("esa")).containsExactly("S35-1");
        assertThat(counts("fiscalYear=2563&kind=PRIMARY&provinceCode=51").get("esas").findValuesAsText("esa"))
                .containsExactly("P51-1");
        assertThat(counts("fiscalYear=2563&esa=P31-4&provinceCode=51").get("esas")).isEmpty();
        assertThat(counts("fiscalYear=2563&esa=P99-9").get("esas")).as("an ESA not registered").isEmpty();
    }

    @Test
    void a_bad_fiscal_year_date_esa_kind_or_province_is_a_problem_naming_the_parameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("fiscalYear=1999", "fiscalYear");
        bad.put("fiscalYear=2700", "fiscalYear");
        bad.put("activeOn=1999-12-31", "activeOn");
        bad.put("fiscalYear=2563&esa=Buriram", "esa");
        bad.put("fiscalYear=2563&kind=TERTIARY", "kind");
        bad.put("fiscalYear=2563&provinceCode=3", "provinceCode");
        bad.put("fiscalYear=2563&activeOn=2020-09-30", "fiscalYear");
        bad.put("esa=P31-4", "fiscalYear");
        bad.forEach((query, field) -> {
            TestHttp.Response response = viewer.get("/api/v1/quality-schools/counts?" + query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(422);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("field")).as(query).containsExactly(field);
        });
        for (String query : List.of("fiscalYear=two", "activeOn=2020-13-01")) {
            TestHttp.Response response = viewer.get("/api/v1/quality-schools/counts?" + query);
            assertThat(response.status()).as(query + " " + response.body()).isIn(400, 422);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void the_literal_path_counts_is_its_own_route_and_not_taken_for_a_code() {
        TestHttp.Response counts = viewer.get("/api/v1/quality-schools/counts?fiscalYear=2563");
        TestHttp.Response list = viewer.get("/api/v1/quality-schools?fiscalYear=2563");

        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        assertThat(counts.json().has("esas")).isTrue();
        assertThat(counts.json().has("items")).isFalse();
        assertThat(list.json().has("items")).isTrue();
        assertThat(viewer.get("/api/v1/quality-schools/count?fiscalYear=2563").status()).isEqualTo(404);
        assertThat(new TestHttp(server.getURL().toString()).get("/api/v1/quality-schools/counts?fiscalYear=2563")
                .status()).isEqualTo(401);
    }

    @Test
    void every_role_reads_the_counts() {
        for (String token : List.of(TestTokens.admin(), TestTokens.officer("P51-1"), TestTokens.director("31040001"),
                TestTokens.viewer())) {
            TestHttp.Response response = new TestHttp(server.getURL().toString()).as(token)
                    .get("/api/v1/quality-schools/counts?fiscalYear=2563");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("esas")).hasSize(3);
        }
    }

    private JsonNode counts(String query) {
        TestHttp.Response response = viewer.get("/api/v1/quality-schools/counts?" + query);
        assertThat(response.status()).as(query + " " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static Map<String, List<Integer>> schoolsAndQualitySchools(JsonNode counts) {
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        for (JsonNode esa : counts.get("esas")) {
            found.put(esa.get("esa").asText(), List.of(esa.get("schools").asInt(), esa.get("qualitySchools").asInt()));
        }
        return found;
    }

    private void school(String code, String esa, String tambonCode) {
        var body = with(with(with(with(Fixtures.banHuaFai(), "code", code), "esa", esa), "tambonCode", tambonCode),
                "nameTh", "โรงเรียน " + code);
        assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
    }

    /** Records a designation in force from that date; its id. */
    private String inForce(String school, String from) {
        TestHttp.Response recorded = obec.post("/api/v1/schools/" + school + "/designations/in-force",
                TestHttp.json(Map.of("designatedOn", from)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }
}
