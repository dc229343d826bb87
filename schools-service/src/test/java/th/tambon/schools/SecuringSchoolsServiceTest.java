package th.tambon.schools;

import io.micronaut.context.ApplicationContext;
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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schools-service on its own port: who may call what (docs/security.md), and the object-level checks: a write is
 * judged against the ESA it touches, whatever the token's holder puts in the body.
 */
class SecuringSchoolsServiceTest extends SecuredServiceContract {
    private static final String ANY_ROLE = "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, props);
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
        return Map.of(
                "POST /api/v1/esas", "OBEC_ADMIN",
                "GET /api/v1/esas", ANY_ROLE,
                "GET /api/v1/esas/{code}", ANY_ROLE,
                "POST /api/v1/schools", "ESA_OFFICER,OBEC_ADMIN",
                "GET /api/v1/schools", ANY_ROLE,
                "GET /api/v1/schools/{code}", ANY_ROLE,
                "GET /health", RouteRules.OPEN_ENDPOINT,
                "GET /health/{selector}", RouteRules.OPEN_ENDPOINT,
                "GET /prometheus", RouteRules.OPEN_ENDPOINT);
    }

    @Override
    protected String protectedRead() {
        return "/api/v1/esas";
    }

    @Override
    protected String openApiDocument() {
        return "/openapi/schools-service.yml";
    }

    @Test
    void an_officer_registers_a_school_of_its_own_esa() {
        TestHttp.Response created = anonymous().as(TestTokens.officer("P31-4"))
                .post("/api/v1/schools", TestHttp.json(Fixtures.with(Fixtures.banHuaFai(), "code", "31040101")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void an_officer_of_another_esa_cannot_register_a_school_and_nothing_is_stored_or_published() throws SQLException {
        int schools = count("SELECT count(*) FROM school");
        int outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response refused = anonymous().as(TestTokens.officer("P51-1"))
                .post("/api/v1/schools", TestHttp.json(Fixtures.with(Fixtures.banHuaFai(), "code", "31040102")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo("An officer of P51-1 cannot register a school of P31-4");
        assertThat(count("SELECT count(*) FROM school")).isEqualTo(schools);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(anonymous().as(TestTokens.viewer()).get("/api/v1/schools/31040102").status()).isEqualTo(404);
    }

    @Test
    void viewers_directors_and_unscoped_officers_cannot_register_schools_and_only_obec_registers_esas()
            throws SQLException {
        int schools = count("SELECT count(*) FROM school");
        int esas = count("SELECT count(*) FROM esa");
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

    private int count(String sql) throws SQLException {
        try (Connection connection = infra.database().connect();
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
