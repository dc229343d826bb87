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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingEsasTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp viewer;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        for (Map<String, Object> esa : List.of(Fixtures.buriram4(), Fixtures.lamphun1(), Fixtures.yasothonSecondary())) {
            assertThat(obec.post("/api/v1/esas", TestHttp.json(esa)).status()).isEqualTo(201);
        }
        viewer = new TestHttp(server.getURL().toString()).as(TestTokens.viewer());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void esas_are_listed_by_code_unless_asked_otherwise() {
        assertThat(codes(viewer.get("/api/v1/esas"))).containsExactly("P31-4", "P51-1", "S35-1");
        assertThat(codes(viewer.get("/api/v1/esas?sort=-code"))).containsExactly("S35-1", "P51-1", "P31-4");
        assertThat(codes(viewer.get("/api/v1/esas?sort=-provinceCode"))).containsExactly("P51-1", "S35-1", "P31-4");
    }

    @Test
    void esas_are_filtered_by_kind_and_province() {
        assertThat(codes(viewer.get("/api/v1/esas?kind=SECONDARY"))).containsExactly("S35-1");
        assertThat(codes(viewer.get("/api/v1/esas?kind=PRIMARY&provinceCode=51"))).containsExactly("P51-1");
        assertThat(codes(viewer.get("/api/v1/esas?kind=SECONDARY&provinceCode=51"))).isEmpty();
    }

    @Test
    void an_unknown_kind_or_sort_is_a_422_problem_naming_the_parameter() {
        for (String query : List.of("kind=TERTIARY", "sort=director", "sort=--code")) {
            TestHttp.Response response = viewer.get("/api/v1/esas?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("field")).as(query)
                    .containsExactly(query.substring(0, query.indexOf('=')));
        }
    }

    private static List<String> codes(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        return items.findValuesAsText("code");
    }
}
