package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/** GET /api/v1/schools/{code}/profile: a school, its designations, its networks and its plans in one response. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingSchoolProfilesTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    /** Today (2026 or later) is in academic year 2569 or later; a plan may be for the current year or the next. */
    private static final int YEAR = 2569;

    private EmbeddedServer server;
    private TestHttp obec;
    private TestHttp viewer;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp http = new TestHttp(server.getURL().toString());
        obec = http.as(TestTokens.admin());
        viewer = http.as(TestTokens.viewer());
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
        school("31040001", "P31-4", "312104");
        school("31040002", "P31-4", "312105");
        school("31040003", "P31-4", "312106");
        school("51010001", "P51-1", "510101");
        school("51010002", "P51-1", "510102");

        inForce("31040001", "2019-06-01");
        String first = inForce("31040002", "2019-06-01");
        assertThat(step("31040002", first, "WITHDRAWN", "2020-01-01", "ผลการประเมินไม่ผ่าน").status()).isEqualTo(200);
        TestHttp.Response again = obec.post("/api/v1/schools/31040002/designations",
                TestHttp.json(Map.of("on", "2021-01-01", "reason", "เสนอชื่ออีกครั้ง")));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String second = again.json().get("id").asText();
        assertThat(step("31040002", second, "DESIGNATED", "2021-01-02", null).status()).isEqualTo(200);
        assertThat(step("31040002", second, "ACTIVE", "2021-01-03", null).status()).isEqualTo(200);
        assertThat(obec.put("/api/v1/esas/P31-4/network",
                network("31040001", "ดร.จำปา จันทะสอน", List.of("31040001", "31040002"))).status()).isEqualTo(200);

        for (int year : List.of(YEAR, YEAR + 1)) {
            TestHttp.Response drafted = obec.post("/api/v1/schools/31040001/plans", TestHttp.json(Map.of(
                    "academicYear", year, "targets", List.of(Map.of("track", "INNOVATION", "goal", "นวัตกรรม " + year)))));
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        }

        // P51-1's chair school withdrawn: its network is left without a chair
        String chair = inForce("51010001", "2019-06-01");
        inForce("51010002", "2019-06-01");
        assertThat(obec.put("/api/v1/esas/P51-1/network",
                network("51010001", "ดร.สุวิทย์ มุกดาภิรมย์", List.of("51010001", "51010002"))).status()).isEqualTo(200);
        assertThat(step("51010001", chair, "WITHDRAWN", "2021-01-01", "ยุบรวม").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_profile_holds_the_school_as_read_alone_its_designations_oldest_first_and_the_network_it_is_a_member_of() {
        JsonNode profile = profile("31040002");

        assertThat(profile.get("school")).isEqualTo(viewer.get("/api/v1/schools/31040002").json());
        assertThat(profile.get("designations")).isEqualTo(reversed(viewer.get("/api/v1/schools/31040002/designations").json()));
        assertThat(statuses(profile.get("designations"))).containsExactly("WITHDRAWN", "ACTIVE");
        assertThat(profile.get("networks")).hasSize(1);
        JsonNode network = profile.get("networks").get(0);
        assertThat(network.get("esa").asText()).isEqualTo("P31-4");
        assertThat(network.get("chairSchool").asText()).isEqualTo("31040001");
        assertThat(network.get("chairSchoolNameTh").asText()).isEqualTo("โรงเรียนบ้านหัวฝาย");
        assertThat(network.get("chairPerson").asText()).isEqualTo("ดร.จำปา จันทะสอน");
        assertThat(network.get("memberCount").asInt()).isEqualTo(2);
        assertThat(network.get("isChair").asBoolean()).isFalse();
        assertThat(profile.get("plans").isArray()).isTrue();
        assertThat(profile.get("plans")).isEmpty();
    }

    @Test
    void the_chair_schools_profile_says_it_chairs_its_network_and_lists_its_plans_as_the_plans_endpoint_does() {
        JsonNode profile = profile("31040001");

        assertThat(profile.get("networks").findValuesAsText("esa")).containsExactly("P31-4");
        assertThat(profile.get("networks").get(0).get("isChair").asBoolean()).isTrue();
        assertThat(profile.get("plans")).isEqualTo(viewer.get("/api/v1/schools/31040001/plans").json());
        assertThat(profile.get("plans").findValuesAsText("academicYear"))
                .containsExactly(String.valueOf(YEAR + 1), String.valueOf(YEAR));
    }

    @Test
    void a_member_of_a_network_without_a_chair_sees_no_chair_and_a_withdrawn_chair_is_in_no_network() {
        JsonNode member = profile("51010002").get("networks");
        JsonNode withdrawn = profile("51010001");

        assertThat(member).hasSize(1);
        assertThat(member.get(0).has("chairSchool")).isTrue();
        assertThat(member.get(0).get("chairSchool").isNull()).isTrue();
        assertThat(member.get(0).get("chairSchoolNameTh").isNull()).isTrue();
        assertThat(member.get(0).get("chairPerson").isNull()).isTrue();
        assertThat(member.get(0).get("memberCount").asInt()).isEqualTo(1);
        assertThat(member.get(0).get("isChair").asBoolean()).isFalse();
        assertThat(withdrawn.get("networks")).isEmpty();
        assertThat(statuses(withdrawn.get("designations"))).containsExactly("WITHDRAWN");
    }

    @Test
    void an_ordinary_schools_profile_has_empty_designations_networks_and_plans() {
        JsonNode profile = profile("31040003");

        assertThat(profile.get("school").get("qualityStatus").asText()).isEqualTo("NONE");
        for (String part : List.of("designations", "networks", "plans")) {
            assertThat(profile.get(part).isArray()).as(part).isTrue();
            assertThat(profile.get(part)).as(part).isEmpty();
        }
    }

    @Test
    void an_unknown_school_is_a_404_problem() {
        TestHttp.Response response = viewer.get("/api/v1/schools/39999999/profile");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isEqualTo("No school with SMIS code 39999999");
    }

    @Test
    void every_role_reads_a_profile_and_no_token_is_a_401() {
        for (String token : List.of(TestTokens.admin(), TestTokens.officer("P51-1"), TestTokens.director("51010001"),
                TestTokens.viewer())) {
            assertThat(new TestHttp(server.getURL().toString()).as(token).get("/api/v1/schools/31040001/profile")
                    .status()).isEqualTo(200);
        }
        assertThat(new TestHttp(server.getURL().toString()).get("/api/v1/schools/31040001/profile").status())
                .isEqualTo(401);
    }

    private JsonNode profile(String code) {
        TestHttp.Response response = viewer.get("/api/v1/schools/" + code + "/profile");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    /** The designations' own statuses (not their steps'). */
    private static List<String> statuses(JsonNode designations) {
        List<String> statuses = new java.util.ArrayList<>();
        designations.forEach(designation -> statuses.add(designation.get("status").asText()));
        return statuses;
    }

    private static ArrayNode reversed(JsonNode array) {
        ArrayNode reversed = JsonNodeFactory.instance.arrayNode();
        for (int i = array.size() - 1; i >= 0; i--) {
            reversed.add(array.get(i));
        }
        return reversed;
    }

    private void school(String code, String esa, String tambonCode) {
        var body = with(with(with(Fixtures.banHuaFai(), "code", code), "esa", esa), "tambonCode", tambonCode);
        if (!code.equals("31040001")) {
            body = with(body, "nameTh", "โรงเรียนทดสอบ " + code);
        }
        assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
    }

    private String inForce(String school, String from) {
        TestHttp.Response recorded = obec.post("/api/v1/schools/" + school + "/designations/in-force",
                TestHttp.json(Map.of("designatedOn", from)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    private TestHttp.Response step(String school, String id, String status, String on, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("on", on);
        body.put("reason", reason);
        return obec.post("/api/v1/schools/" + school + "/designations/" + id + "/steps", TestHttp.json(body));
    }

    private static String network(String chairSchool, String chairPerson, List<String> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chairSchool", chairSchool);
        body.put("chairPerson", chairPerson);
        body.put("members", members);
        return TestHttp.json(body);
    }
}
