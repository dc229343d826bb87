package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/** Every way a write can be refused answers a problem naming the field, and stores and publishes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectingBadInputTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp http;
    private long[] before;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.server.port", -1);
        props.put("schools-test.failing-route", "true");
        server = ApplicationContext.run(EmbeddedServer.class, props);
        http = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        assertThat(http.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/schools", TestHttp.json(Fixtures.banHuaFai())).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void remember() {
        before = counts();
    }

    @AfterEach
    void nothingStoredNorPublished() {
        assertThat(counts()).as("ESAs, schools and outbox rows").containsExactly(before);
    }

    @Test
    void malformed_json_answers_400() {
        JsonNode problem = problem(http.post("/api/v1/schools", "{\"code\": \"31040002\", "), 400);
        assertThat(problem.get("type").asText()).isEqualTo("https://tambon.th/problems/malformed-request");
        assertThat(problem.get("detail").asText()).startsWith("The body is not valid JSON at line 1, column")
                .doesNotContain("Source");
    }

    @Test
    void an_empty_body_answers_400_asking_for_json() {
        JsonNode problem = problem(http.post("/api/v1/schools", ""), 400);
        assertThat(problem.get("detail").asText()).isEqualTo("The request needs a JSON body");
    }

    @Test
    void a_field_of_the_wrong_json_type_answers_422_naming_it_and_its_type() {
        JsonNode problem = problem(http.post("/api/v1/esas", TestHttp.json(with(Fixtures.buriram4(), "zone", "four"))),
                422);
        assertThat(fields(problem)).containsExactly("zone");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("must be a whole number");
        assertThat(problem.get("detail").asText()).isEqualTo("zone: must be a whole number");
    }

    @Test
    void a_nul_character_in_a_path_or_a_field_answers_422_not_500() {
        // found by the fuzz run (SecuredServiceContract): PostgreSQL text cannot hold U+0000
        JsonNode inPath = problem(http.get("/api/v1/esas/P31%00"), 422);
        JsonNode inBody = problem(http.post("/api/v1/esas", TestHttp.json(with(Fixtures.buriram4(), "nameTh", "เขต\u0000"))), 422);

        assertThat(inPath.get("type").asText()).isEqualTo("https://tambon.th/problems/unstorable-text");
        assertThat(inBody.get("detail").asText()).contains("U+0000");
    }

    @Test
    void half_a_surrogate_pair_in_a_field_answers_422_and_stores_nothing() {
        // found by the fuzz run: "\uD800" alone is valid JSON text but no character; PostgreSQL's json refuses it
        String body = TestHttp.json(with(Fixtures.buriram4(), "code", "P31-9")).replace("\"zone\":4", "\"zone\":9")
                .replace("บุรีรัมย์ เขต 4", "บุรีรัมย์ \\uD800เขต 9");
        assertThat(body).contains("\\uD800");
        long esas = infra.database().queryLong("SELECT count(*) FROM esa");

        JsonNode problem = problem(http.post("/api/v1/esas", body), 422);

        assertThat(problem.get("type").asText()).isEqualTo("https://tambon.th/problems/unstorable-text");
        assertThat(problem.get("detail").asText()).contains("surrogate");
        assertThat(infra.database().queryLong("SELECT count(*) FROM esa")).isEqualTo(esas);
    }

    @Test
    void a_body_that_is_not_a_json_object_answers_400() {
        problem(http.post("/api/v1/esas", "[1, 2]"), 400);
    }

    @Test
    void a_query_parameter_of_the_wrong_type_answers_422_naming_it() {
        JsonNode problem = problem(http.get("/api/v1/schools?page=two"), 422);
        assertThat(fields(problem)).containsExactly("page");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("must be a whole number");
    }

    @Test
    void a_missing_field_answers_422_naming_it() {
        JsonNode problem = problem(http.post("/api/v1/schools",
                TestHttp.json(with(with(Fixtures.banHuaFai(), "code", "31040002"), "nameTh", null))), 422);
        assertThat(fields(problem)).containsExactly("nameTh");
    }

    @Test
    void an_smis_code_that_is_not_8_digits_answers_422_naming_code() {
        JsonNode problem = problem(http.post("/api/v1/schools",
                TestHttp.json(with(Fixtures.banHuaFai(), "code", "3104001"))), 422);
        assertThat(fields(problem)).containsExactly("code");
        assertThat(problem.at("/errors/0/message").asText()).contains("8-digit SMIS code");
    }

    @Test
    void a_tambon_code_that_is_not_6_digits_answers_422_naming_tambon_code() {
        JsonNode problem = problem(http.post("/api/v1/schools",
                TestHttp.json(with(with(Fixtures.banHuaFai(), "code", "31040002"), "tambonCode", "31210"))), 422);
        assertThat(fields(problem)).containsExactly("tambonCode");
    }

    @Test
    void several_bad_fields_are_all_named() {
        JsonNode problem = problem(http.post("/api/v1/schools",
                TestHttp.json(with(with(Fixtures.banHuaFai(), "code", "x"), "tambonCode", "y"))), 422);
        assertThat(fields(problem)).containsExactly("code", "tambonCode");
    }

    @Test
    void an_unknown_esa_answers_404_naming_esa() {
        JsonNode problem = problem(http.post("/api/v1/schools",
                TestHttp.json(with(with(Fixtures.banHuaFai(), "code", "31040002"), "esa", "P31-9"))), 404);
        assertThat(problem.get("type").asText()).endsWith("/unknown-reference");
        assertThat(fields(problem)).containsExactly("esa");
        assertThat(problem.get("detail").asText()).contains("P31-9");
    }

    @Test
    void a_duplicate_school_code_answers_409_naming_code() {
        JsonNode problem = problem(http.post("/api/v1/schools", TestHttp.json(Fixtures.banHuaFai())), 409);
        assertThat(fields(problem)).containsExactly("code");
    }

    @Test
    void a_duplicate_esa_code_answers_409_naming_code() {
        JsonNode problem = problem(http.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())), 409);
        assertThat(fields(problem)).containsExactly("code");
    }

    @Test
    void an_esa_code_that_disagrees_with_its_zone_answers_422_naming_code() {
        JsonNode problem = problem(http.post("/api/v1/esas", TestHttp.json(with(Fixtures.buriram4(), "zone", 5))), 422);
        assertThat(fields(problem)).containsExactly("code");
    }

    @Test
    void a_body_over_64_kb_answers_413() {
        String huge = TestHttp.json(with(with(Fixtures.banHuaFai(), "code", "31040002"), "nameTh", "ก".repeat(70_000)));
        problem(http.post("/api/v1/schools", huge), 413);
    }

    @Test
    void a_page_size_out_of_range_answers_422_naming_size() {
        JsonNode problem = problem(http.get("/api/v1/schools?size=0"), 422);
        assertThat(fields(problem)).containsExactly("size");
    }

    @Test
    void a_page_so_far_that_its_offset_would_overflow_answers_422_naming_page() {
        JsonNode problem = problem(http.get("/api/v1/schools?page=2147483647&size=500"), 422);
        assertThat(fields(problem)).containsExactly("page");
        assertThat(problem.at("/errors/0/message").asText()).contains("10000");
    }

    @Test
    void an_unexpected_error_answers_a_generic_problem_with_an_error_id_and_never_its_internals() {
        TestHttp.Response response = http.get(FailingRoute.PATH);

        JsonNode problem = problem(response, 500);
        assertThat(problem.get("type").asText()).isEqualTo("https://tambon.th/problems/unexpected-error");
        String errorId = problem.get("errorId").asText();
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat(problem.get("detail").asText()).contains(errorId);
        assertThat(response.body()).doesNotContain("SELECT", "secret_column", "IllegalStateException", "at th.tambon");
    }

    @Test
    void a_filter_that_is_not_an_esa_code_answers_422_naming_esa() {
        JsonNode problem = problem(http.get("/api/v1/schools?esa=Buriram"), 422);
        assertThat(fields(problem)).containsExactly("esa");
    }

    @Test
    void an_unknown_school_answers_404() {
        JsonNode problem = problem(http.get("/api/v1/schools/99999999"), 404);
        assertThat(problem.get("detail").asText()).contains("99999999");
    }

    @Test
    void a_date_or_a_year_outside_the_programmes_range_answers_422_naming_it_wherever_it_is_given() {
        String designations = "/api/v1/schools/31040001/designations";
        String plans = "/api/v1/schools/31040001/plans/";
        for (String date : java.util.List.of("-5000-01-01", "9999-12-31", "1999-12-31", "2101-01-01")) {
            assertNamed(http.post(designations, TestHttp.json(Map.of("on", date))), "on", date);
            assertNamed(http.post(designations + "/in-force", TestHttp.json(Map.of("designatedOn", date))),
                    "designatedOn", date);
            assertNamed(http.post(designations + "/in-force", TestHttp.json(Map.of("designatedOn", "2019-06-01",
                    "nominatedOn", date))), "nominatedOn", date);
            assertNamed(http.post(designations + "/in-force", TestHttp.json(Map.of("designatedOn", "2019-06-01",
                    "activeFrom", date))), "activeFrom", date);
            assertNamed(http.post(designations + "/00000000-0000-0000-0000-000000000000/steps",
                    TestHttp.json(Map.of("status", "DESIGNATED", "on", date))), "on", date);
            assertNamed(http.get("/api/v1/quality-schools?activeOn=" + date), "activeOn", date);
            assertNamed(http.get("/api/v1/quality-schools/counts?activeOn=" + date), "activeOn", date);
            assertNamed(http.get("/api/v1/academic-years/on/" + date), "date", date);
            assertNamed(http.get("/api/v1/audit?from=" + date + "T00:00:00Z"), "from", date);
            assertNamed(http.get("/api/v1/audit?to=" + date + "T00:00:00Z"), "to", date);
        }
        for (String year : java.util.List.of("-5000", "9999", "2542", "2644")) {
            assertNamed(http.get("/api/v1/quality-schools?fiscalYear=" + year), "fiscalYear", year);
            assertNamed(http.get("/api/v1/quality-schools/counts?fiscalYear=" + year), "fiscalYear", year);
            assertNamed(http.get("/api/v1/plans?academicYear=" + year), "academicYear", year);
            assertNamed(http.get("/api/v1/academic-years/" + year), "year", year);
            assertNamed(http.get("/api/v1/academic-years?from=" + year), "from", year);
            assertNamed(http.get("/api/v1/academic-years?to=" + year), "to", year);
            assertNamed(http.post("/api/v1/schools/31040001/plans", TestHttp.json(Map.of("academicYear",
                    Integer.parseInt(year), "targets", java.util.List.of()))), "academicYear", year);
            assertNamed(http.get(plans + year), "year", year);
            assertNamed(http.put(plans + year, TestHttp.json(Map.of("targets", java.util.List.of()))), "year", year);
            assertNamed(http.post(plans + year + "/steps", TestHttp.json(Map.of("status", "SUBMITTED"))), "year", year);
        }
        assertThat(http.get("/api/v1/quality-schools?activeOn=2100-12-31").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/academic-years/on/2000-01-01").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/academic-years?from=2543&to=2545").status()).isEqualTo(200);
    }

    private void assertNamed(TestHttp.Response response, String field, String value) {
        JsonNode problem = problem(response, 422);
        assertThat(fields(problem)).as("%s = %s: %s", field, value, response.body()).containsExactly(field);
    }

    private JsonNode problem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("errors").isArray()).as("errors is always an array").isTrue();
        return problem;
    }

    private static java.util.List<String> fields(JsonNode problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private long[] counts() {
        return new long[]{count("esa"), count("school"), count("messaging.outbox_message")};
    }

    private static long count(String table) {
        return infra.database().queryLong("SELECT count(*) FROM " + table);
    }
}
