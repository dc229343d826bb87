package th.tambon.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/**
 * No lost updates: a write whose outcome depends on what the caller saw is judged against the version it names in
 * If-Match (RFC 9110 §13.1.1): 412 when stale, 428 where a decision must say what it was made on (approving or
 * returning a plan), {@code *} included, since it names no version; a weak tag never matches, a list matches when one
 * of its tags does, {@code *} matches what exists and nothing else (a network not formed yet).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HonouringIfMatchTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    /** Today (2026 or later) is in academic year 2569 or later. */
    private static final int YEAR = 2569;

    private EmbeddedServer server;
    private TestHttp obec;
    private TestHttp officer;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp http = new TestHttp(server.getURL().toString());
        obec = http.as(TestTokens.admin());
        officer = http.as(TestTokens.officer("P33-1"));
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("33", 1))).status()).isEqualTo(201);
        for (String code : List.of("33010001", "33010002", "33010003", "33010004", "33010005", "33010006")) {
            var body = Fixtures.school(code, "P33-1", "33010" + code.charAt(7));
            assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        }
        for (String code : List.of("33010001", "33010002")) {
            assertThat(obec.post("/api/v1/schools/" + code + "/designations/in-force",
                    TestHttp.json(Map.of("designatedOn", "2019-06-01"))).status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_officer_cannot_approve_a_plan_version_they_never_read() {
        submittedPlan("33010003");
        String read = officer.get(plan("33010003")).header("ETag");
        returnAndResubmit("33010003", read); // by others, meanwhile
        long rows = writtenRows();

        TestHttp.Response stale = officer.withHeader("If-Match", read).post(steps("33010003"), Fixtures.planStep("APPROVED", null));

        assertProblem(stale, 412, "If-Match");
        assertThat(writtenRows()).isEqualTo(rows);
        String current = officer.get(plan("33010003")).header("ETag");
        assertThat(officer.withHeader("If-Match", current).post(steps("33010003"), Fixtures.planStep("APPROVED", null)).status())
                .isEqualTo(200);
    }

    @Test
    void approving_or_returning_a_plan_without_if_match_is_a_428_while_submitting_it_may_go_without() {
        TestHttp.Response submitted = submittedPlan("33010004");
        long rows = writtenRows();

        TestHttp.Response approved = officer.post(steps("33010004"), Fixtures.planStep("APPROVED", null));
        TestHttp.Response returned = officer.post(steps("33010004"), Fixtures.planStep("RETURNED", "เพิ่มตัวชี้วัด"));

        assertProblem(approved, 428, "If-Match");
        assertProblem(returned, 428, "If-Match");
        assertThat(writtenRows()).isEqualTo(rows);
        assertThat(submitted.status()).as("submitted without If-Match").isEqualTo(200);
    }

    @Test
    void approving_or_returning_a_plan_with_if_match_star_is_a_428_since_the_decision_must_name_the_version_read() {
        submittedPlan("33010006");
        long rows = writtenRows();

        TestHttp.Response approved = officer.withHeader("If-Match", "*").post(steps("33010006"), Fixtures.planStep("APPROVED", null));
        TestHttp.Response returned = officer.withHeader("If-Match", "*").post(steps("33010006"),
                Fixtures.planStep("RETURNED", "เพิ่มตัวชี้วัด"));

        assertProblem(approved, 428, "If-Match");
        assertProblem(returned, 428, "If-Match");
        assertThat(writtenRows()).isEqualTo(rows);
        String read = officer.get(plan("33010006")).header("ETag");
        assertThat(officer.withHeader("If-Match", read).post(steps("33010006"), Fixtures.planStep("APPROVED", null)).status())
                .as("the ETag read approves").isEqualTo(200);
    }

    @Test
    void a_network_put_with_if_match_where_no_network_exists_is_a_412_and_forms_nothing() {
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("33", 2))).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/schools", TestHttp.json(Fixtures.school("33020001", "P33-2", "330201"))).status())
                .isEqualTo(201);
        assertThat(obec.post("/api/v1/schools/33020001/designations/in-force",
                TestHttp.json(Map.of("designatedOn", "2019-06-01"))).status()).isEqualTo(201);
        String esa = obec.get("/api/v1/esas/P33-2").header("ETag");
        String body = network("33020001", List.of("33020001"));
        long rows = writtenRows();

        TestHttp.Response star = obec.withHeader("If-Match", "*").put("/api/v1/esas/P33-2/network", body);
        TestHttp.Response esasVersion = obec.withHeader("If-Match", esa).put("/api/v1/esas/P33-2/network", body);

        assertProblem(star, 412, "If-Match");
        assertProblem(esasVersion, 412, "If-Match");
        assertThat(writtenRows()).isEqualTo(rows);
        assertThat(obec.get("/api/v1/esas/P33-2/network").status()).isEqualTo(404);
        assertThat(obec.put("/api/v1/esas/P33-2/network", body).status()).as("formed without If-Match").isEqualTo(200);
    }

    @Test
    void the_network_carries_an_etag_and_a_put_based_on_an_older_one_is_a_412() {
        String body = network("33010001", List.of("33010001", "33010002"));
        TestHttp.Response formed = officer.put("/api/v1/esas/P33-1/network", body);
        assertThat(formed.status()).as(formed.body()).isEqualTo(200);
        String read = officer.get("/api/v1/esas/P33-1/network").header("ETag");
        assertThat(read).isNotNull().isEqualTo(formed.header("ETag"));
        TestHttp.Response changed = officer.withHeader("If-Match", read).put("/api/v1/esas/P33-1/network",
                network("33010002", List.of("33010001", "33010002")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(read);
        long rows = writtenRows();

        TestHttp.Response stale = officer.withHeader("If-Match", read).put("/api/v1/esas/P33-1/network",
                network("33010001", List.of("33010001")));

        assertProblem(stale, 412, "If-Match");
        assertThat(writtenRows()).isEqualTo(rows);
        assertThat(officer.get("/api/v1/esas/P33-1/network").json().get("chairSchool").asText()).isEqualTo("33010002");
    }

    @Test
    void a_weak_tag_never_matches_a_list_of_tags_matches_when_one_does_and_a_malformed_one_is_a_422() {
        String current = obec.get("/api/v1/schools/33010005").header("ETag");
        long rows = writtenRows();

        TestHttp.Response weak = obec.withHeader("If-Match", "W/" + current).put(school("33010005"), TestHttp.json(Fixtures.banHuaFaiUpdate(101)));
        TestHttp.Response noneOfThem = obec.withHeader("If-Match", "\"98\", \"99\"").put(school("33010005"), TestHttp.json(Fixtures.banHuaFaiUpdate(102)));
        TestHttp.Response unquoted = obec.withHeader("If-Match", current.replace("\"", "")).put(school("33010005"), TestHttp.json(Fixtures.banHuaFaiUpdate(103)));
        assertProblem(weak, 412, "If-Match");
        assertProblem(noneOfThem, 412, "If-Match");
        assertProblem(unquoted, 422, "If-Match");
        assertThat(writtenRows()).isEqualTo(rows);

        TestHttp.Response oneOfThem = obec.withHeader("If-Match", "\"99\", W/\"98\", " + current)
                .put(school("33010005"), TestHttp.json(Fixtures.banHuaFaiUpdate(104)));
        assertThat(oneOfThem.status()).as(oneOfThem.body()).isEqualTo(200);
        String esa = obec.get("/api/v1/esas/P33-1").header("ETag");
        assertThat(obec.withHeader("If-Match", "W/" + esa).put("/api/v1/esas/P33-1", TestHttp.json(Map.of(
                "nameTh", "สพป.บุรีรัมย์ เขต 4", "nameEn", "Buriram 4"))).status()).isEqualTo(412);
    }

    private TestHttp.Response submittedPlan(String school) {
        assertThat(officer.post("/api/v1/schools/" + school + "/plans", TestHttp.json(Map.of("academicYear", YEAR,
                "targets", List.of(Map.of("track", "ITA", "goal", "ผ่าน ITA ระดับ A")))))).extracting(TestHttp.Response::status)
                .isEqualTo(201);
        TestHttp.Response submitted = officer.post(steps(school), Fixtures.planStep("SUBMITTED", null));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted;
    }

    private void returnAndResubmit(String school, String read) {
        assertThat(officer.withHeader("If-Match", read).post(steps(school), Fixtures.planStep("RETURNED", "ทบทวน")).status())
                .isEqualTo(200);
        String returned = officer.get(plan(school)).header("ETag");
        assertThat(officer.withHeader("If-Match", returned).put(plan(school), targets("ผ่าน ITA ระดับ AA")).status())
                .isEqualTo(200);
        assertThat(officer.post(steps(school), Fixtures.planStep("SUBMITTED", null)).status()).isEqualTo(200);
    }

    private static void assertProblem(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private static String plan(String school) {
        return "/api/v1/schools/" + school + "/plans/" + YEAR;
    }

    private static String steps(String school) {
        return plan(school) + "/steps";
    }

    private static String school(String code) {
        return "/api/v1/schools/" + code;
    }


    private static String targets(String goal) {
        return TestHttp.json(Map.of("targets", List.of(Map.of("track", "ITA", "goal", goal))));
    }


    private static String network(String chair, List<String> members) {
        return TestHttp.json(Map.of("chairSchool", chair, "chairPerson", "ดร.จำปา จันทะสอน", "members", members));
    }

    private static long writtenRows() {
        return infra.database().queryLong("SELECT (SELECT coalesce(sum(version), 0) FROM development_plan)"
                + " + (SELECT coalesce(sum(version), 0) FROM school) + (SELECT coalesce(sum(version), 0) FROM esa)"
                + " + (SELECT count(*) FROM development_plan_step) + (SELECT count(*) FROM network_chair)"
                + " + (SELECT count(*) FROM messaging.outbox_message) + (SELECT count(*) FROM audit.audit_entry)");
    }
}
