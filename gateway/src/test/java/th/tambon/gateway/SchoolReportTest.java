package th.tambon.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A school's profile composed from schools-service's profile and events-service's record of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolReportTest {
    static final String PROFILE = "/api/v1/schools/51910001/profile";
    static final String RECORD = "/api/v1/school-records/51910001";

    private ScriptedStack stack;
    private ScriptedService schools;
    private ScriptedService events;
    private ScriptedService budget;
    private EmbeddedServer gateway;
    private TestHttp http;

    @BeforeAll
    void start() {
        stack = new ScriptedStack(Map.of("tambon.gateway.views.events-timeout", "700ms"));
        schools = stack.schools;
        events = stack.events;
        budget = stack.budget;
        gateway = stack.gateway;
        http = stack.as(TestTokens.viewer());
    }

    @BeforeEach
    void bothAnswer() {
        stack.allUp();
        schools.on(PROFILE, 200, """
                {"school": {"code": "51910001", "nameTh": "โรงเรียนบ้านหนองเงือก", "esa": "P51-1", "province": "ลำพูน",
                  "district": "ป่าซาง", "tambon": "มะกอก", "tambonCode": "510403", "director": "นายสมชาย ใจดี",
                  "qualityStatus": "ACTIVE", "version": 3},
                 "designations": [{"id": "d1", "school": "51910001", "status": "ACTIVE", "nominatedOn": "2019-06-01",
                   "designatedOn": "2019-06-15", "activeFrom": "2019-07-01", "withdrawnOn": null, "steps": []}],
                 "networks": [{"esa": "P51-1", "chairSchool": "51910001", "chairSchoolNameTh": "โรงเรียนบ้านหนองเงือก",
                   "chairPerson": "นายสมชาย ใจดี", "memberCount": 31, "isChair": true}],
                 "plans": [{"id": "p1", "academicYear": 2563, "status": "APPROVED", "targets": []}]}""");
        events.on(RECORD, 200, """
                {"school": "51910001", "esa": "P51-1",
                 "hosted": [{"id": "a1", "ref": "ลพ1-2563-014", "type": "SYMPOSIUM", "titleTh": "สัมมนาเครือข่าย",
                   "state": "REPORTED", "startsOn": "2020-09-28", "participants": 104, "actualCost": "21700.00",
                   "spending": "RECORDED"}],
                 "attended": [],
                 "certificates": [{"id": "c1", "printedNumber": "ที่ 1/2563", "activity": "a1", "givenOn": "2020-09-28",
                   "awardedAt": "2020-09-28T10:00:00Z", "status": "VALID"}],
                 "works": [{"id": "w1", "title": "นวัตกรรมห้องเรียน", "track": "INNOVATION", "status": "SELECTED",
                   "activity": "a1"}],
                 "ita": [{"fiscalYear": 2563, "score": 91.50, "level": "A"}],
                 "spentOnHosted": "21700.00", "truncated": false}""");
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void the_profile_has_the_school_its_designations_network_plans_activities_certificates_works_ita_and_baht() {
        TestHttp.Response response = http.get("/api/v1/schools/51910001/report");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("school").get("nameTh").asText()).isEqualTo("โรงเรียนบ้านหนองเงือก");
        assertThat(report.get("designations").get(0).get("activeFrom").asText()).isEqualTo("2019-07-01");
        assertThat(report.get("networks").get(0).get("isChair").asBoolean()).isTrue();
        assertThat(report.get("plans").get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(report.get("hosted").get(0).get("participants").asLong()).isEqualTo(104);
        assertThat(report.get("certificates").get(0).get("printedNumber").asText()).isEqualTo("ที่ 1/2563");
        assertThat(report.get("works").get(0).get("status").asText()).isEqualTo("SELECTED");
        assertThat(report.get("ita").get(0).get("level").asText()).isEqualTo("A");
        assertThat(report.get("spentOnHosted").asText()).isEqualTo("21700.00");
        assertThat(report.get("sections").toString()).isEqualTo("{\"schools\":\"OK\",\"events\":\"OK\"}");
    }

    @Test
    void a_fiscal_year_is_asked_of_events_service() {
        events.on(RECORD + "?fiscalYear=2564", 200, """
                {"school": "51910001", "esa": "P51-1", "hosted": [], "attended": [], "certificates": [], "works": [],
                 "ita": [], "spentOnHosted": "0.00", "truncated": false}""");

        JsonNode report = http.get("/api/v1/schools/51910001/report?fiscalYear=2564").json();

        assertThat(report.get("fiscalYear").asInt()).isEqualTo(2564);
        assertThat(report.get("hosted")).isEmpty();
        assertThat(report.get("spentOnHosted").asText()).isEqualTo("0.00");
    }

    @Test
    void a_school_events_service_knows_nothing_of_has_empty_lists_and_an_unregistered_one_is_a_404() {
        schools.on("/api/v1/schools/51910002/profile", 200, """
                {"school": {"code": "51910002", "nameTh": "โรงเรียนใหม่", "esa": "P51-1", "province": "ลำพูน",
                  "district": "ป่าซาง", "tambon": "มะกอก", "tambonCode": "510403", "qualityStatus": "NONE"},
                 "designations": [], "networks": [], "plans": []}""");

        JsonNode quiet = http.get("/api/v1/schools/51910002/report").json();
        TestHttp.Response unknown = http.get("/api/v1/schools/51919999/report");

        assertThat(quiet.get("hosted")).isEmpty();
        assertThat(quiet.get("spentOnHosted").asText()).isEqualTo("0.00");
        assertThat(quiet.get("sections").get("events").asText()).isEqualTo("OK");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("51919999");
    }

    @Test
    void with_events_service_down_the_registration_is_complete_and_the_record_unavailable() {
        events.down(true);

        JsonNode report = stack.asNewViewer("profile-reader").get("/api/v1/schools/51910001/report").json();

        assertThat(report.get("sections").get("events").asText()).isEqualTo("UNAVAILABLE");
        assertThat(report.get("hosted").isNull()).isTrue();
        assertThat(report.get("spentOnHosted").isNull()).isTrue();
        assertThat(report.get("school").get("code").asText()).isEqualTo("51910001");
    }

    @Test
    void the_profile_as_xlsx_has_a_sheet_per_part() throws Exception {
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.getURL() + "/api/v1/schools/51910001/report?format=xlsx"))
                .header("Authorization", "Bearer " + TestTokens.viewer()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("โรงเรียน", "การแต่งตั้ง", "เครือข่าย", "แผนพัฒนา", "กิจกรรมที่เป็นเจ้าภาพ",
                    "กิจกรรมที่เข้าร่วม", "เกียรติบัตร", "ผลงาน", "ITA", "แหล่งข้อมูล");
            assertThat(workbook.getSheet("กิจกรรมที่เป็นเจ้าภาพ").getRow(1).getCell(6).getNumericCellValue())
                    .isEqualTo(21700.00);
        }
    }

    @Test
    void a_code_that_is_not_an_smis_code_is_a_422_problem() {
        TestHttp.Response response = http.get("/api/v1/schools/5191/report");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("code");
    }
}
