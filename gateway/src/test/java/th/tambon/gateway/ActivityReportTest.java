package th.tambon.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.gateway.activity.ComposingActivityReports;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An activity's report composed from events-service's activity and the certificates awarded at it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityReportTest {
    static final String ID = "6a1d2f3e-4b5c-4d6e-8f70-9a1b2c3d4e5f";
    static final String ACTIVITY = "/api/v1/activities/" + ID;
    static final String CERTIFICATES = ACTIVITY + "/certificates?page=0&size=500";
    static final String REPORT = "/api/v1/activities/" + ID + "/report";

    private ScriptedStack stack;
    private ScriptedService events;
    private EmbeddedServer gateway;
    private TestHttp http;

    @BeforeAll
    void start() {
        stack = new ScriptedStack(Map.of("tambon.gateway.views.events-timeout", "700ms"));
        events = stack.events;
        gateway = stack.gateway;
        http = stack.as(TestTokens.viewer());
    }

    @BeforeEach
    void eventsAnswers() {
        stack.allUp();
        events.on(ACTIVITY, 200, activity("21700.0"));
        events.on(CERTIFICATES, 200, page(0, 2, certificate(1), certificate(2)));
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void the_report_has_the_activity_its_funding_history_participation_and_certificates_with_baht_as_decimal_strings() {
        TestHttp.Response response = http.get(REPORT);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        JsonNode activity = report.get("activity");
        assertThat(report.get("id").asText()).isEqualTo(ID);
        assertThat(activity.get("titleTh").asText()).isEqualTo("สัมมนาเครือข่ายโรงเรียนคุณภาพ");
        assertThat(activity.get("typeTh").asText()).isEqualTo("สัมมนา");
        assertThat(activity.get("stateTh").asText()).isEqualTo("รายงานผลแล้ว");
        assertThat(activity.get("startsOnTh").asText()).isEqualTo("28 กันยายน 2563");
        assertThat(activity.get("chair").asText()).isEqualTo("ดร.สุวิทย์ มุกดาภิรมย์");
        assertThat(activity.get("actualCost").isTextual()).isTrue();
        assertThat(activity.get("actualCost").asText()).isEqualTo("21700.00");
        assertThat(activity.get("funding").get("estimate").asText()).isEqualTo("21700.00");
        assertThat(activity.get("funding").get("spending").asText()).isEqualTo("RECORDED");
        assertThat(report.get("history")).extracting(step -> step.get("change").asText())
                .containsExactly("DRAFTED", "HELD", "REPORTED");
        assertThat(report.get("participation").get("total").asLong()).isEqualTo(104);
        assertThat(report.get("participation").get("byRole").get("TEACHER").asLong()).isEqualTo(40);
        assertThat(report.get("certificates")).extracting(c -> c.get("printedNumber").asText())
                .containsExactly("ที่ 1/2563", "ที่ 2/2563");
        assertThat(report.get("certificates").get(0).get("recipient").asText()).isEqualTo("โรงเรียนที่ 1");
        assertThat(report.get("truncated").asBoolean()).isFalse();
        assertThat(report.get("sections").toString()).isEqualTo("{\"events\":\"OK\"}");
        assertThat(report.get("staleAsOf")).isEmpty();
    }

    @Test
    void certificates_on_two_pages_are_all_listed_in_number_order() {
        List<String> first = IntStream.rangeClosed(1, 500).mapToObj(ActivityReportTest::certificate).toList();
        events.on(CERTIFICATES, 200, page(0, 501, first.toArray(String[]::new)));
        events.on(ACTIVITY + "/certificates?page=1&size=500", 200, page(1, 501, certificate(501)));

        JsonNode report = http.get(REPORT).json();

        JsonNode certificates = report.get("certificates");
        assertThat(certificates).hasSize(501);
        assertThat(certificates.get(0).get("printedNumber").asText()).isEqualTo("ที่ 1/2563");
        assertThat(certificates.get(499).get("printedNumber").asText()).isEqualTo("ที่ 500/2563");
        assertThat(certificates.get(500).get("printedNumber").asText()).isEqualTo("ที่ 501/2563");
        assertThat(report.get("truncated").asBoolean()).isFalse();
        assertThat(report.get("sections").get("events").asText()).isEqualTo("OK");
    }

    @Test
    void past_the_cap_the_report_lists_the_first_certificates_in_number_order_and_says_how_many_there_are() {
        int cap = ComposingActivityReports.MAX_CERTIFICATES;
        long total = cap + 600;
        for (int page = 0; page * 500 < cap + 1000; page++) {
            int from = page * 500 + 1;
            events.on(ACTIVITY + "/certificates?page=" + page + "&size=500", 200, page(page, total,
                    IntStream.range(from, from + 500).mapToObj(ActivityReportTest::certificate).toArray(String[]::new)));
        }

        JsonNode report = http.get(REPORT).json();

        JsonNode certificates = report.get("certificates");
        assertThat(certificates).hasSize(cap);
        for (int i = 0; i < cap; i += 499) {
            assertThat(certificates.get(i).get("printedNumber").asText()).isEqualTo("ที่ " + (i + 1) + "/2563");
        }
        assertThat(report.get("certificatesTotal").asLong()).isEqualTo(total);
        assertThat(report.get("truncated").asBoolean()).isTrue();
        assertThat(events.reached()).noneMatch(line -> line.contains("page=" + cap / 500 + "&"));
    }

    @Test
    void an_activity_without_participation_funding_or_certificates_has_them_null_or_empty() {
        String other = "0b7e2a44-9c1d-4f3a-8e25-6d4c3b2a1f00";
        events.on("/api/v1/activities/" + other, 200, """
                {"id": "%s", "esa": "P51-1", "ref": "p51-1-workshop-2563-07-21", "type": "WORKSHOP",
                 "typeTh": "ประชุมปฏิบัติการ", "titleTh": "ประชุมปฏิบัติการ", "startsOn": "2020-07-21",
                 "funding": null, "actualCost": null, "state": "PLANNED", "stateTh": "วางแผน", "reason": null,
                 "history": [{"change": "DRAFTED", "state": "PLANNED", "recordedAt": "2020-07-01T02:00:00Z",
                   "recordedBy": "officer-p51-1"}], "participation": null, "version": 1}""".formatted(other));
        events.on("/api/v1/activities/" + other + "/certificates?page=0&size=500", 200, page(0, 0));

        JsonNode report = http.get("/api/v1/activities/" + other + "/report").json();

        assertThat(report.get("activity").get("funding").isNull()).isTrue();
        assertThat(report.get("activity").get("actualCost").isNull()).isTrue();
        assertThat(report.get("participation").isNull()).isTrue();
        assertThat(report.get("certificates")).isEmpty();
        assertThat(report.get("history")).hasSize(1);
    }

    @Test
    void a_none_remembered_from_before_is_no_404_while_events_service_is_down_but_a_stale_section() {
        String created = "22222222-3333-4444-8555-666666666666";
        TestHttp asker = stack.as(TestTokens.token("asked-too-early", "VIEWER", null, null,
                java.time.Duration.ofMinutes(5)));
        assertThat(asker.get("/api/v1/activities/" + created + "/report").status()).isEqualTo(404);
        events.down(true);

        TestHttp.Response meanwhile = asker.get("/api/v1/activities/" + created + "/report");

        assertThat(meanwhile.status()).as("it may have been created since: events-service cannot say").isEqualTo(200);
        assertThat(meanwhile.json().get("sections").get("events").asText()).isEqualTo("STALE");
    }

    @Test
    void an_activity_events_service_does_not_hold_is_a_404_problem() {
        String unknown = "11111111-2222-4333-8444-555555555555";

        TestHttp.Response response = http.get("/api/v1/activities/" + unknown + "/report");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(unknown);
    }

    @Test
    void a_caller_events_service_refuses_gets_its_own_403_problem() {
        String problem = "{\"type\": \"https://tambon.th/problems/forbidden\", \"status\": 403, "
                + "\"detail\": \"A school director reads the activities of its school's ESA only\"}";
        events.on(ACTIVITY, 403, problem);
        events.on(CERTIFICATES, 403, problem);

        TestHttp.Response response = stack.as(TestTokens.director("52010001")).get(REPORT);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("its school's ESA only");
    }

    @Test
    void with_events_service_down_and_no_earlier_answer_the_parts_are_null_and_the_section_unavailable() {
        events.down(true);

        TestHttp.Response response = stack.asNewViewer("activity-reader").get(REPORT);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("sections").get("events").asText()).isEqualTo("UNAVAILABLE");
        assertThat(report.get("id").asText()).isEqualTo(ID);
        for (String part : List.of("activity", "history", "participation", "certificates", "truncated")) {
            assertThat(report.get(part).isNull()).as(part).isTrue();
        }
    }

    @Test
    void with_events_service_down_after_a_good_answer_the_caller_sees_that_answer_stale_with_its_time() {
        TestHttp asker = stack.as(TestTokens.token("stale-reader", "VIEWER", null, null, java.time.Duration.ofMinutes(5)));
        assertThat(asker.get(REPORT).json().get("sections").get("events").asText()).isEqualTo("OK");
        events.down(true);

        JsonNode stale = asker.get(REPORT).json();

        assertThat(stale.get("sections").get("events").asText()).isEqualTo("STALE");
        assertThat(stale.get("staleAsOf").get("events").asText()).isNotBlank();
        assertThat(stale.get("activity").get("actualCost").asText()).isEqualTo("21700.00");
        assertThat(stale.get("certificates")).hasSize(2);
    }

    @Test
    void an_answer_that_is_not_events_services_leaves_the_section_unavailable_never_a_500() {
        Map<String, String> cases = Map.of(
                "baht with three decimals", activity("21700.005"),
                "an activity without its history", activity("21700.0").replace("\"history\"", "\"past\""),
                "a certificate without its number", page(0, 1, certificate(1).replace("printedNumber", "n")),
                "a page without its total", page(0, 1, certificate(1)).replace("totalItems", "total"));
        cases.forEach((name, body) -> {
            eventsAnswers();
            events.on(body.startsWith("{\"items\"") ? CERTIFICATES : ACTIVITY, 200, body);

            TestHttp.Response response = stack.asNewViewer("malformed-" + Integer.toHexString(name.hashCode())).get(REPORT);

            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().get("sections").get("events").asText()).as(name).isEqualTo("UNAVAILABLE");
        });
    }

    @Test
    void the_report_is_the_gateways_own_asking_events_service_for_the_activity_and_its_certificates_with_the_callers_token() {
        String token = TestTokens.officer("P51-1");
        int before = events.reached().size();

        stack.as(token).get(REPORT);

        List<String> reached = events.reached().subList(before, events.reached().size());
        assertThat(reached).containsExactlyInAnyOrder(ACTIVITY + " Bearer " + token, CERTIFICATES + " Bearer " + token);
    }

    @Test
    void an_id_that_is_not_an_activitys_is_a_4xx_problem_never_asked_of_events_service() {
        int before = events.reached().size();

        TestHttp.Response response = http.get("/api/v1/activities/nonsense/report");

        assertThat(response.status()).as(response.body()).isIn(400, 422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(events.reached()).hasSize(before);
    }

    @Test
    void the_report_as_csv_is_utf8_with_a_bom_each_part_after_the_other_thai_headers_and_be_dates() throws Exception {
        HttpResponse<byte[]> file = download(REPORT + "?format=csv");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("activity-report-" + ID + ".csv");
        byte[] bytes = file.body();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("\uFEFFกิจกรรม");
        assertThat(lines).contains("ความเป็นมา", "ผู้เข้าร่วม", "เกียรติบัตร", "แหล่งข้อมูล", "TEACHER,40", "รวม,104",
                "30 กันยายน 2563,01:30,REPORTED,REPORTED,officer-p51-1,");
        assertThat(text).contains("สัมมนาเครือข่ายโรงเรียนคุณภาพ", "28 กันยายน 2563", "21700.00", "ที่ 2/2563",
                "โรงเรียนที่ 2");
    }

    @Test
    void the_report_as_xlsx_has_a_sheet_per_part_be_date_cells_and_baht_as_numbers() throws Exception {
        HttpResponse<byte[]> file = download(REPORT + "?format=xlsx");

        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("กิจกรรม", "ความเป็นมา", "ผู้เข้าร่วม", "เกียรติบัตร", "แหล่งข้อมูล");
            XSSFSheet activity = workbook.getSheet("กิจกรรม");
            assertThat(activity.getRow(0).getCell(7).getStringCellValue()).isEqualTo("วันที่");
            assertThat(activity.getRow(1).getCell(7).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2020, 9, 28));
            assertThat(activity.getRow(1).getCell(7).getCellStyle().getDataFormatString())
                    .isEqualTo("[$-107041E]d mmmm yyyy");
            assertThat(activity.getRow(0).getCell(16).getStringCellValue()).isEqualTo("ค่าใช้จ่ายจริง (บาท)");
            assertThat(activity.getRow(1).getCell(16).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(activity.getRow(1).getCell(16).getNumericCellValue()).isEqualTo(21700.00);
            assertThat(activity.getRow(1).getCell(16).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(new DataFormatter().formatCellValue(activity.getRow(1).getCell(14))).isEqualTo("21,700.00");
            assertThat(activity.getRow(1).getCell(19).getNumericCellValue()).isEqualTo(104);
            // recorded at 18:30 UTC: the next day in Bangkok
            XSSFSheet history = workbook.getSheet("ความเป็นมา");
            assertThat(history.getRow(3).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2020, 9, 30));
            assertThat(history.getRow(3).getCell(1).getStringCellValue()).isEqualTo("01:30");
            XSSFSheet certificates = workbook.getSheet("เกียรติบัตร");
            assertThat(certificates.getRow(2).getCell(0).getStringCellValue()).isEqualTo("ที่ 2/2563");
            assertThat(certificates.getRow(2).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("[$-107041E]d mmmm yyyy");
            assertThat(workbook.getSheet("ผู้เข้าร่วม").getLastRowNum()).as("seven roles and the total").isEqualTo(8);
        }
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.getURL() + path))
                        .header("Authorization", "Bearer " + TestTokens.viewer()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The activity as events-service writes it: baht as JSON numbers, every field of its ActivityView. */
    private static String activity(String actualCost) {
        return """
                {"id": "%s", "esa": "P51-1", "ref": "p51-1-symposium-2563-09-28", "type": "SYMPOSIUM",
                 "typeTh": "สัมมนา", "titleTh": "สัมมนาเครือข่ายโรงเรียนคุณภาพ", "tracks": ["INNOVATION"],
                 "venueSchool": "51910001", "venue": "โรงเรียนบ้านหนองเงือก", "organiser": "สพป.ลำพูน เขต 1",
                 "chair": "ดร.สุวิทย์ มุกดาภิรมย์", "chairTitle": "ผู้อำนวยการ", "start": "2020-09-28T09:00:00+07:00",
                 "end": "2020-09-28T16:00:00+07:00", "startsOn": "2020-09-28", "startsOnTh": "28 กันยายน 2563",
                 "academicYear": 2563, "fiscalYear": 2563, "agenda": [],
                 "funding": {"fiscalYear": 2563, "round": 2, "line": 1, "estimate": 21700.0, "request": 1,
                   "requestedAt": "2020-08-01T03:00:00Z", "spending": "RECORDED", "spendingReasonCode": null,
                   "spendingMessage": "เบิกจ่าย 21,700.00 บาท", "spendingAt": "2020-09-29T18:31:00Z"},
                 "actualCost": %s, "state": "REPORTED", "stateTh": "รายงานผลแล้ว", "reason": null,
                 "history": [
                   {"change": "DRAFTED", "state": "DRAFT", "reason": null, "recordedAt": "2020-08-01T02:00:00Z",
                    "recordedBy": "officer-p51-1", "reasonCode": null},
                   {"change": "HELD", "state": "HELD", "reason": null, "recordedAt": "2020-09-28T09:00:00Z",
                    "recordedBy": "officer-p51-1", "reasonCode": null},
                   {"change": "REPORTED", "state": "REPORTED", "reason": null, "recordedAt": "2020-09-29T18:30:00Z",
                    "recordedBy": "officer-p51-1", "reasonCode": null}],
                 "participation": {"byRole": {"SCHOOL_DIRECTOR": 31, "TEACHER": 40, "SUPERVISOR": 6, "STAFF": 8,
                   "STUDENT": 12, "COMMITTEE": 7, "OTHER": 0}, "total": 104, "schools": ["51910001"],
                   "recordedAt": "2020-09-28T10:00:00Z", "recordedBy": "officer-p51-1"},
                 "version": 6}""".formatted(ID, actualCost);
    }

    private static String page(int page, long totalItems, String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": " + page + ", \"size\": 500, \"totalItems\": "
                + totalItems + ", \"totalPages\": " + (totalItems + 499) / 500 + "}";
    }

    /** A certificate as events-service's CertificateView writes it. */
    private static String certificate(int number) {
        return """
                {"id": "c%d", "activity": "%s", "esa": "P51-1", "academicYear": 2563, "number": %d,
                 "printedNumber": "ที่ %d/2563", "school": "5191%04d", "person": null, "personTitle": null,
                 "recipient": "โรงเรียนที่ %d", "office": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1",
                 "activityTitle": "สัมมนาเครือข่ายโรงเรียนคุณภาพ", "givenOn": "2020-09-28",
                 "givenOnTh": "28 กันยายน 2563", "chair": "ดร.สุวิทย์ มุกดาภิรมย์", "chairTitle": "ผู้อำนวยการ",
                 "verificationCode": "MFRG-GZDF-MZTW-%04d", "verificationUrl": "http://localhost:8080/verify/x",
                 "status": "VALID", "revokedAt": null, "revocationReason": null,
                 "awardedAt": "2020-09-28T10:00:00Z", "awardedBy": "officer-p51-1", "version": 1}"""
                .formatted(number, ID, number, number, number, number, number);
    }
}
