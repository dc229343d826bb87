package th.tambon.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.security.RouteRules;
import th.tambon.security.SecuredServiceContract;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schools-service on its own port: who may call what (docs/security.md), the object-level checks (a write is judged
 * against the ESA it touches, whatever the token's holder puts in the body), the audit trail, and the fuzz run.
 */
class SecuringSchoolsServiceTest extends SecuredServiceContract {
    private static final String ANY_ROLE = "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp obec = anonymous().as(TestTokens.admin());
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected EmbeddedServer server() {
        return server;
    }

    @Override
    protected Map<String, String> authorizationMatrix() {
        return Map.ofEntries(
                Map.entry("POST /api/v1/esas", "OBEC_ADMIN"),
                Map.entry("GET /api/v1/esas", ANY_ROLE),
                Map.entry("GET /api/v1/esas/{code}", ANY_ROLE),
                Map.entry("PUT /api/v1/esas/{code}", "ESA_OFFICER,OBEC_ADMIN"),
                Map.entry("PUT /api/v1/esas/{code}/network", "ESA_OFFICER,OBEC_ADMIN"),
                Map.entry("GET /api/v1/esas/{code}/network", ANY_ROLE),
                Map.entry("POST /api/v1/schools", "ESA_OFFICER,OBEC_ADMIN"),
                Map.entry("GET /api/v1/schools", ANY_ROLE),
                Map.entry("GET /api/v1/schools/{code}", ANY_ROLE),
                Map.entry("GET /api/v1/schools/{code}/profile", ANY_ROLE),
                Map.entry("PUT /api/v1/schools/{code}", "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR"),
                Map.entry("POST /api/v1/schools/{code}/designations", "ESA_OFFICER,OBEC_ADMIN"),
                Map.entry("GET /api/v1/schools/{code}/designations", ANY_ROLE),
                Map.entry("POST /api/v1/schools/{code}/designations/in-force", "OBEC_ADMIN"),
                Map.entry("POST /api/v1/schools/{code}/designations/{id}/steps", "OBEC_ADMIN"),
                Map.entry("GET /api/v1/quality-schools", ANY_ROLE),
                Map.entry("GET /api/v1/quality-schools/counts", ANY_ROLE),
                Map.entry("POST /api/v1/schools/{code}/plans", "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR"),
                Map.entry("GET /api/v1/schools/{code}/plans", ANY_ROLE),
                Map.entry("GET /api/v1/schools/{code}/plans/{year}", ANY_ROLE),
                Map.entry("PUT /api/v1/schools/{code}/plans/{year}", "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR"),
                Map.entry("POST /api/v1/schools/{code}/plans/{year}/steps", "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR"),
                Map.entry("GET /api/v1/plans", ANY_ROLE),
                Map.entry("GET /api/v1/academic-years", ANY_ROLE),
                Map.entry("GET /api/v1/academic-years/{year}", ANY_ROLE),
                Map.entry("GET /api/v1/academic-years/on/{date}", ANY_ROLE),
                Map.entry("GET /api/v1/audit", "OBEC_ADMIN"),
                Map.entry("GET /health", RouteRules.OPEN_ENDPOINT),
                Map.entry("GET /health/{selector}", RouteRules.OPEN_ENDPOINT),
                Map.entry("GET /prometheus", RouteRules.OPEN_ENDPOINT));
    }

    @Override
    protected String protectedRead() {
        return "/api/v1/esas";
    }

    @Override
    protected String openApiDocument() {
        return "/openapi/schools-service.yml";
    }

    @Override
    protected long writableRows() {
        return count("SELECT (SELECT count(*) FROM esa) + (SELECT count(*) FROM school)"
                + " + (SELECT count(*) FROM designation) + (SELECT count(*) FROM designation_step)"
                + " + (SELECT count(*) FROM network_member) + (SELECT count(*) FROM network_chair)"
                + " + (SELECT count(*) FROM development_plan_target) + (SELECT count(*) FROM development_plan_step)"
                + " + (SELECT coalesce(sum(version), 0) FROM development_plan)"
                // versions count the updates, which add no row
                + " + (SELECT coalesce(sum(version), 0) FROM esa) + (SELECT coalesce(sum(version), 0) FROM school)"
                + " + (SELECT count(*) FROM messaging.outbox_message) + (SELECT count(*) FROM audit.audit_entry)");
    }

    @Test
    void an_officer_registers_a_school_of_its_own_esa() {
        TestHttp.Response created = anonymous().as(TestTokens.officer("P31-4"))
                .post("/api/v1/schools", TestHttp.json(Fixtures.with(Fixtures.banHuaFai(), "code", "31040101")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void an_officer_of_another_esa_cannot_register_a_school_and_nothing_is_stored_or_published() {
        long schools = count("SELECT count(*) FROM school");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long audited = count("SELECT count(*) FROM audit.audit_entry");

        TestHttp.Response refused = anonymous().as(TestTokens.officer("P51-1"))
                .post("/api/v1/schools", TestHttp.json(Fixtures.with(Fixtures.banHuaFai(), "code", "31040102")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo("An officer of P51-1 cannot register a school of P31-4");
        assertThat(count("SELECT count(*) FROM school")).isEqualTo(schools);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM audit.audit_entry")).isEqualTo(audited);
        assertThat(anonymous().as(TestTokens.viewer()).get("/api/v1/schools/31040102").status()).isEqualTo(404);
    }

    @Test
    void viewers_directors_and_unscoped_officers_cannot_register_schools_and_only_obec_registers_esas() {
        long schools = count("SELECT count(*) FROM school");
        long esas = count("SELECT count(*) FROM esa");
        String school = TestHttp.json(Fixtures.with(Fixtures.banHuaFai(), "code", "31040103"));
        String esa = TestHttp.json(Fixtures.with(Fixtures.lamphun1(), "code", "P51-2"));

        for (String token : List.of(TestTokens.viewer(), TestTokens.director("31040001"),
                TestTokens.token("officer-without-esa", "ESA_OFFICER", null, null, java.time.Duration.ofMinutes(5)))) {
            assertThat(anonymous().as(token).post("/api/v1/schools", school).status()).isEqualTo(403);
        }
        for (String token : List.of(TestTokens.viewer(), TestTokens.officer("P51-1"), TestTokens.director("31040001"))) {
            assertThat(anonymous().as(token).post("/api/v1/esas", esa).status()).isEqualTo(403);
        }
        assertThat(count("SELECT count(*) FROM school")).isEqualTo(schools);
        assertThat(count("SELECT count(*) FROM esa")).isEqualTo(esas);
    }

    @Test
    void the_audit_trail_names_who_registered_the_esa_and_the_school_with_their_tokens_subject() {
        TestHttp obec = anonymous().as(TestTokens.admin());
        assertThat(anonymous().as(TestTokens.officer("P31-4")).post("/api/v1/schools",
                TestHttp.json(Fixtures.with(Fixtures.banHuaFai(), "code", "31040104"))).status()).isEqualTo(201);

        var school = obec.get("/api/v1/audit?target=31040104").json().get("items");
        var esa = obec.get("/api/v1/audit?target=P31-4").json().get("items");

        assertThat(school).hasSize(1);
        assertThat(school.get(0).get("subject").asText()).isEqualTo("officer-P31-4");
        assertThat(school.get(0).get("role").asText()).isEqualTo("ESA_OFFICER");
        assertThat(school.get(0).get("esa").asText()).isEqualTo("P31-4");
        assertThat(school.get(0).get("command").asText()).isEqualTo("RegisterSchool");
        assertThat(school.get(0).get("change").get("nameTh").asText()).isEqualTo("โรงเรียนบ้านหัวฝาย");
        assertThat(esa).hasSize(1);
        assertThat(esa.get(0).get("subject").asText()).isEqualTo("obec-admin");
        assertThat(esa.get(0).get("command").asText()).isEqualTo("RegisterEsa");
        assertThat(obec.get("/api/v1/audit?actor=officer-P31-4&size=500").json().get("items").findValuesAsText("targetId"))
                .contains("31040104").doesNotContain("P31-4");
    }

    @Test
    void only_obec_reads_the_audit_trail_and_a_bad_time_range_is_a_422() {
        assertThat(anonymous().as(TestTokens.viewer()).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(anonymous().as(TestTokens.officer("P31-4")).get("/api/v1/audit").status()).isEqualTo(403);
        TestHttp.Response backwards = anonymous().as(TestTokens.admin())
                .get("/api/v1/audit?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
    }

    @Test
    void readiness_names_the_database_and_the_broker_to_an_operator_and_to_no_one_else() {
        TestHttp.Response anonymousCall = anonymous().get("/health/readiness");
        TestHttp.Response viewer = anonymous().as(TestTokens.viewer()).get("/health/readiness");
        TestHttp.Response operator = anonymous().as(TestTokens.admin()).get("/health/readiness");

        assertThat(operator.body()).contains("jdbc:postgresql://", "PostgreSQL", "kafka");
        for (TestHttp.Response refused : List.of(anonymousCall, viewer)) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
