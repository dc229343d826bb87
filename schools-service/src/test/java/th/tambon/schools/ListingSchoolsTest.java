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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingSchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp viewer;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
        register(obec, with(with(Fixtures.banHuaFai(), "nameEn", "Ban Hua Fai School"), "students", 212));
        register(obec, school("31040002", "โรงเรียนบ้านโนนสูง", "P31-4", "บุรีรัมย์", "312105", 90));
        register(obec, school("31040003", "โรงเรียนอนุบาลแคนดง", "P31-4", "บุรีรัมย์", "312201", 640));
        register(obec, school("51010001", "โรงเรียนบ้านหัวฝายลำพูน_100%", "P51-1", "ลำพูน", "510101", null));
        viewer = new TestHttp(server.getURL().toString()).as(TestTokens.viewer());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void searching_huafai_finds_the_school_with_or_without_its_tone_marks_and_in_english_whatever_the_case() {
        assertThat(codes("q=" + encode("หัวฝาย"))).containsExactly("31040001", "51010001");
        assertThat(codes("q=" + encode("บานหัวฝาย"))).containsExactly("31040001", "51010001");
        assertThat(codes("q=" + encode("hua FAI"))).containsExactly("31040001");
        assertThat(codes("q=" + encode("หวฝาย"))).isEmpty();
    }

    @Test
    void the_thai_name_round_trips_byte_for_byte() {
        JsonNode school = viewer.get("/api/v1/schools/31040001").json();

        assertThat(school.get("nameTh").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo("โรงเรียนบ้านหัวฝาย".getBytes(StandardCharsets.UTF_8));
        assertThat(school.get("director").asText()).isEqualTo("ดร.จำปา จันทะสอน");
    }

    @Test
    void percent_and_underscore_in_a_search_are_matched_literally() {
        assertThat(codes("q=" + encode("_100%"))).containsExactly("51010001");
        assertThat(codes("q=" + encode("%"))).containsExactly("51010001");
        assertThat(codes("q=" + encode("_"))).containsExactly("51010001");
    }

    @Test
    void schools_are_filtered_by_esa_province_district_tambon_and_quality_status() {
        assertThat(codes("esa=P31-4")).containsExactly("31040001", "31040002", "31040003");
        assertThat(codes("provinceCode=51")).containsExactly("51010001");
        assertThat(codes("districtCode=3121")).containsExactly("31040001", "31040002");
        assertThat(codes("tambonCode=312104")).containsExactly("31040001");
        assertThat(codes("provinceCode=31&districtCode=3122")).containsExactly("31040003");
        assertThat(codes("qualityStatus=NONE&esa=P51-1")).containsExactly("51010001");
        assertThat(codes("qualityStatus=ACTIVE&esa=P51-1")).isEmpty();
        assertThat(codes("esa=P31-4&q=" + encode("บ้าน"))).containsExactly("31040001", "31040002");
    }

    @Test
    void schools_are_sorted_by_any_listed_field_ties_by_code_and_paged() {
        assertThat(codes("esa=P31-4&sort=-students")).containsExactly("31040003", "31040001", "31040002");
        assertThat(codes("sort=-code&size=2")).containsExactly("51010001", "31040003");
        assertThat(codes("sort=-code&size=2&page=1")).containsExactly("31040002", "31040001");
        JsonNode page = viewer.get("/api/v1/schools?size=2").json();
        assertThat(page.get("totalItems").asInt()).isEqualTo(4);
    }

    @Test
    void a_bad_filter_or_sort_or_places_that_cannot_overlap_are_a_422_naming_the_parameter() {
        for (String query : List.of("provinceCode=3", "districtCode=31", "tambonCode=31210", "qualityStatus=GOLD",
                "sort=director", "q=", "esa=Buriram")) {
            TestHttp.Response response = viewer.get("/api/v1/schools?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("field")).as(query)
                    .containsExactly(query.substring(0, query.indexOf('=')));
        }
        TestHttp.Response apart = viewer.get("/api/v1/schools?provinceCode=51&tambonCode=312104");
        assertThat(apart.status()).isEqualTo(422);
        assertThat(apart.json().get("detail").asText()).contains("tambon 312104 is not in province 51");
    }

    private List<String> codes(String query) {
        TestHttp.Response response = viewer.get("/api/v1/schools?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        return response.json().get("items").findValuesAsText("code");
    }

    private static void register(TestHttp obec, Map<String, Object> school) {
        TestHttp.Response created = obec.post("/api/v1/schools", TestHttp.json(school));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Map<String, Object> school(String code, String nameTh, String esa, String province, String tambonCode,
                                              Integer students) {
        Map<String, Object> school = with(with(with(with(Fixtures.banHuaFai(), "code", code), "nameTh", nameTh), "esa", esa),
                "tambonCode", tambonCode);
        school = with(with(school, "province", province), "director", null);
        return with(school, "students", students);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
