package th.tambon.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ESA report composed from three scripted services: figures, partial answers, refusals and files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsaReportTest {
    static final String COUNTS = "/api/v1/quality-schools/counts?fiscalYear=2563&esa=P51-1";
    static final String SUMMARY = "/api/v1/activities/summary?fiscalYear=2563&esa=P51-1";
    static final String YEAR = "/api/v1/fiscal-years/2563/esas/P51-1";
    static final String REPORT = "/api/v1/esas/P51-1/report?fiscalYear=2563";

    private ScriptedStack stack;
    private ScriptedService schools;
    private ScriptedService events;
    private ScriptedService budget;
    private EmbeddedServer gateway;
    private TestHttp http;
    private final String officer = TestTokens.officer("P51-1");

    @BeforeAll
    void start() {
        stack = new ScriptedStack(Map.of(
                "tambon.gateway.views.schools-timeout", "700ms",
                "tambon.gateway.views.events-timeout", "700ms",
                "tambon.gateway.views.budget-timeout", "700ms"));
        schools = stack.schools;
        events = stack.events;
        budget = stack.budget;
        gateway = stack.gateway;
        http = stack.as(officer);
    }

    @BeforeEach
    void everyServiceAnswers() {
        stack.allUp();
        schools.on(COUNTS, 200, """
                {"fiscalYear": 2563, "activeOn": "2020-09-30", "esas": [{"esa": "P51-1", "nameTh": "สพป.ลำพูน เขต 1",
                 "nameEn": "Lamphun PESA 1", "kind": "PRIMARY", "provinceCode": "51", "province": "ลำพูน",
                 "schools": 33, "qualitySchools": 31}]}""");
        events.on(SUMMARY, 200, """
                {"fiscalYear": 2563, "from": "2019-10-01", "to": "2020-09-30", "esas": [{"esa": "P51-1",
                 "activities": 3, "byType": {"SYMPOSIUM": 1, "WORKSHOP": 2}, "byState": {"REPORTED": 1, "CANCELLED": 1,
                 "PLANNED": 1}, "held": 1, "participants": 104, "participantsHeld": 104, "certificates": 31,
                 "worksPresented": 3, "worksSelected": 2, "worksForwarded": 1, "heldByMonth": {"2020-09": 1},
                 "schoolsReached": 31, "itaLevels": {"A": 2, "B": 1}, "esaIta": {"score": 91.50, "level": "A"}}]}""");
        budget.on(YEAR, 200, """
                {"esa": "P51-1", "fiscalYear": 2563, "closed": false,
                 "totals": {"allocated": 218700.00, "committed": 0.00, "spent": 21700.00, "remaining": 197000.00,
                            "executionRate": 9.92},
                 "byCategory": {"OPERATING": {"allocated": 218700.00, "committed": 0.00, "spent": 21700.00,
                                "remaining": 197000.00, "executionRate": 9.92}},
                 "rounds": [{"round": 1, "receivedOn": "2019-12-02", "documentRef": "ศธ 04001/ว1", "allocated": 197000.00,
                   "committed": 0.00, "spent": 0.00, "remaining": 197000.00, "executionRate": 0.00,
                   "lines": [{"line": 1, "category": "OPERATING", "purposeTh": "พัฒนาโรงเรียนคุณภาพ", "allocated": 197000.00,
                     "committed": 0.00, "spent": 0.00, "remaining": 197000.00, "executionRate": 0.00}]},
                  {"round": 2, "receivedOn": null, "documentRef": null, "allocated": 21700.00, "committed": 0.00,
                   "spent": 21700.00, "remaining": 0.00, "executionRate": 100.00,
                   "lines": [{"line": 1, "category": "OPERATING", "purposeTh": "สัมมนา", "allocated": 21700.00,
                     "committed": 0.00, "spent": 21700.00, "remaining": 0.00, "executionRate": 100.00}]}]}""");
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void the_report_puts_the_expected_figures_at_the_top_level_with_money_as_decimal_strings() {
        TestHttp.Response response = http.get(REPORT);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("esa").asText()).isEqualTo("P51-1");
        assertThat(report.get("fiscalYear").asInt()).isEqualTo(2563);
        assertThat(report.get("firstDay").asText()).isEqualTo("2019-10-01");
        assertThat(report.get("lastDayTh").asText()).isEqualTo("30 กันยายน 2563");
        assertThat(report.get("qualitySchools").asLong()).isEqualTo(31);
        assertThat(report.get("activitiesHeld").asLong()).isEqualTo(1);
        assertThat(report.get("participantsTotal").asLong()).isEqualTo(104);
        assertThat(report.get("certificatesAwarded").asLong()).isEqualTo(31);
        assertThat(report.get("allocated").isTextual()).isTrue();
        assertThat(report.get("allocated").asText()).isEqualTo("218700.00");
        assertThat(report.get("committed").asText()).isEqualTo("0.00");
        assertThat(report.get("spent").asText()).isEqualTo("21700.00");
        assertThat(report.get("remaining").asText()).isEqualTo("197000.00");
        assertThat(report.get("office").get("nameTh").asText()).isEqualTo("สพป.ลำพูน เขต 1");
        assertThat(report.get("sections").toString())
                .isEqualTo("{\"schools\":\"OK\",\"events\":\"OK\",\"budget\":\"OK\"}");
    }

    @Test
    void the_report_breaks_the_year_down_by_month_type_state_round_line_and_links_money_to_outcomes() {
        JsonNode report = http.get(REPORT).json();

        JsonNode months = report.get("activities").get("heldByMonth");
        assertThat(months).hasSize(12);
        assertThat(months.get(0).get("month").asText()).isEqualTo("2019-10");
        assertThat(months.get(11).get("month").asText()).isEqualTo("2020-09");
        assertThat(months.get(11).get("monthTh").asText()).isEqualTo("กันยายน 2563");
        assertThat(months.get(11).get("held").asLong()).isEqualTo(1);
        assertThat(report.get("activities").get("byState").get("CANCELLED").asLong()).isEqualTo(1);
        JsonNode rounds = report.get("budget").get("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1).get("lines").get(0).get("money").get("spent").asText()).isEqualTo("21700.00");
        assertThat(rounds.get(1).get("money").get("executionRate").asText()).isEqualTo("100.00");
        assertThat(report.get("budget").get("byCategory").get("OPERATING").get("allocated").asText())
                .isEqualTo("218700.00");
        assertThat(report.get("works").get("forwarded").asLong()).isEqualTo(1);
        assertThat(report.get("ita").get("schoolLevels").toString())
                .isEqualTo("{\"AA\":0,\"A\":2,\"B\":1,\"C\":0,\"D\":0,\"E\":0,\"F\":0}");
        assertThat(report.get("ita").get("esaLevel").asText()).isEqualTo("A");
        // 21,700.00 baht for 104 participants in 31 schools
        assertThat(report.get("outcomes").get("costPerParticipant").asText()).isEqualTo("208.65");
        assertThat(report.get("outcomes").get("costPerSchoolReached").asText()).isEqualTo("700.00");
    }

    @Test
    void a_year_without_a_round_has_zero_baht_and_its_budget_section_is_ok() {
        budget.on(YEAR, 404, "{\"status\": 404, \"detail\": \"no round\"}");

        JsonNode report = http.get(REPORT).json();

        assertThat(report.get("allocated").asText()).isEqualTo("0.00");
        assertThat(report.get("remaining").asText()).isEqualTo("0.00");
        assertThat(report.get("sections").get("budget").asText()).isEqualTo("OK");
        assertThat(report.get("outcomes").get("costPerParticipant").asText()).isEqualTo("0.00");
    }

    @Test
    void an_esa_schools_service_does_not_register_is_a_404_problem() {
        schools.on("/api/v1/quality-schools/counts?fiscalYear=2563&esa=P99-9", 200,
                "{\"fiscalYear\": 2563, \"activeOn\": \"2020-09-30\", \"esas\": []}");

        TestHttp.Response response = new TestHttp(gateway.getURL().toString()).as(TestTokens.admin())
                .get("/api/v1/esas/P99-9/report?fiscalYear=2563");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("P99-9");
    }

    @Test
    void a_service_that_refuses_the_caller_refuses_the_report_with_its_own_problem() {
        events.on(SUMMARY, 403, "{\"type\": \"https://tambon.th/problems/forbidden\", \"status\": 403, "
                + "\"detail\": \"Only OBEC or an officer of P51-1 reads its activities\"}");

        TestHttp.Response response = http.get(REPORT);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("officer of P51-1");
    }

    @Test
    void with_budget_service_down_and_no_earlier_answer_the_budget_figures_are_null_and_unavailable() {
        budget.down(true);

        TestHttp.Response response = stack.asNewViewer("new-reader").get(REPORT);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("sections").get("budget").asText()).isEqualTo("UNAVAILABLE");
        assertThat(report.get("allocated").isNull()).isTrue();
        assertThat(report.get("spent").isNull()).isTrue();
        assertThat(report.get("budget").isNull()).isTrue();
        assertThat(report.get("outcomes").get("costPerParticipant").isNull()).isTrue();
        assertThat(report.get("sections").get("events").asText()).isEqualTo("OK");
        assertThat(report.get("participantsTotal").asLong()).isEqualTo(104);
        assertThat(report.get("qualitySchools").asLong()).isEqualTo(31);
    }

    @Test
    void with_budget_service_down_after_a_good_answer_the_caller_sees_that_answer_stale_with_its_time_and_then_fresh_again() {
        TestHttp asker = new TestHttp(gateway.getURL().toString()).as(TestTokens.officer("P51-1"));
        assertThat(asker.get(REPORT).json().get("sections").get("budget").asText()).isEqualTo("OK");
        budget.down(true);

        JsonNode stale = asker.get(REPORT).json();

        assertThat(stale.get("sections").get("budget").asText()).isEqualTo("STALE");
        assertThat(stale.get("staleAsOf").get("budget").asText()).isNotBlank();
        assertThat(stale.get("spent").asText()).isEqualTo("21700.00");
        budget.down(false);
        JsonNode fresh = asker.get(REPORT).json();
        assertThat(fresh.get("sections").get("budget").asText()).isEqualTo("OK");
        assertThat(fresh.get("staleAsOf").has("budget")).isFalse();
    }

    @Test
    void a_stale_answer_is_never_shown_to_another_caller() {
        new TestHttp(gateway.getURL().toString()).as(TestTokens.admin()).get(REPORT);
        budget.down(true);

        JsonNode other = stack.asNewViewer("someone-else").get(REPORT).json();

        assertThat(other.get("sections").get("budget").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void a_service_answering_200_with_what_is_not_its_answer_leaves_its_section_unavailable_never_a_500() {
        List<String> cases = List.of(
                "budget answers 200 without its totals",
                "events answers 200 with a proxy's HTML page",
                "budget answers 200 with nothing",
                "budget answers baht with three decimals",
                "schools answers 200 with an ESA without its counts",
                "events answers 200 with an ESA without its figures",
                "events answers a month without its count",
                "events answers a list with nothing in it",
                "budget answers a round that is nothing");
        for (String name : cases) {
            everyServiceAnswers();
            String section = switch (name) {
                case "budget answers 200 without its totals" -> {
                    budget.on(YEAR, 200, "{\"esa\": \"P51-1\", \"fiscalYear\": 2563, \"closed\": false}");
                    yield "budget";
                }
                case "events answers 200 with a proxy's HTML page" -> {
                    events.on(SUMMARY, 200, "<html><body>proxy error</body></html>", "text/html");
                    yield "events";
                }
                case "budget answers 200 with nothing" -> {
                    budget.on(YEAR, 200, "");
                    yield "budget";
                }
                case "budget answers baht with three decimals" -> {
                    budget.on(YEAR, 200, """
                            {"esa": "P51-1", "fiscalYear": 2563, "closed": false, "totals": {"allocated": 218700.005,
                             "committed": 0.00, "spent": 0.00, "remaining": 218700.005}, "rounds": []}""");
                    yield "budget";
                }
                case "schools answers 200 with an ESA without its counts" -> {
                    schools.on(COUNTS, 200, "{\"fiscalYear\": 2563, \"activeOn\": \"2020-09-30\", \"esas\": [{\"esa\": "
                            + "\"P51-1\", \"nameTh\": \"x\", \"kind\": \"PRIMARY\"}]}");
                    yield "schools";
                }
                case "events answers a month without its count" -> {
                    events.on(SUMMARY, 200, """
                            {"fiscalYear": 2563, "esas": [{"esa": "P51-1", "activities": 1, "byType": {}, "byState": {},
                             "held": 1, "participants": 1, "participantsHeld": 1, "certificates": 0, "worksPresented": 0,
                             "worksSelected": 0, "worksForwarded": 0, "heldByMonth": {"2020-09": null},
                             "schoolsReached": 1, "itaLevels": {}}]}""");
                    yield "events";
                }
                case "events answers a list with nothing in it" -> {
                    events.on(SUMMARY, 200, "{\"fiscalYear\": 2563, \"esas\": [null]}");
                    yield "events";
                }
                case "budget answers a round that is nothing" -> {
                    budget.on(YEAR, 200, """
                            {"esa": "P51-1", "fiscalYear": 2563, "closed": false, "totals": {"allocated": 1.00,
                             "committed": 0.00, "spent": 0.00, "remaining": 1.00}, "rounds": [null]}""");
                    yield "budget";
                }
                default -> {
                    events.on(SUMMARY, 200, "{\"fiscalYear\": 2563, \"esas\": [{\"esa\": \"P51-1\"}]}");
                    yield "events";
                }
            };
            TestHttp.Response response = stack.asNewViewer("malformed-" + cases.indexOf(name)).get(REPORT);

            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(200);
            assertThat(response.contentType()).as(name).startsWith("application/json");
            assertThat(response.json().get("sections").get(section).asText()).as(name).isEqualTo("UNAVAILABLE");
        }
    }

    @Test
    void a_service_that_is_overloaded_or_refuses_the_gateways_call_leaves_its_section_unavailable() {
        for (int status : List.of(429, 401, 408)) {
            budget.on(YEAR, status, "{\"status\": " + status + "}");

            TestHttp.Response response = stack.asNewViewer("overloaded-" + status).get(REPORT);

            assertThat(response.status()).as(status + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().get("sections").get("budget").asText()).as("budget answering " + status)
                    .isEqualTo("UNAVAILABLE");
        }
    }

    @Test
    void a_stale_answer_is_not_shown_to_the_same_subject_holding_another_esa() {
        stack.as(TestTokens.token("somchai", "ESA_OFFICER", "P51-1", null, Duration.ofMinutes(5))).get(REPORT);
        budget.down(true);

        JsonNode moved = stack.as(TestTokens.token("somchai", "ESA_OFFICER", "P52-1", null, Duration.ofMinutes(5)))
                .get(REPORT).json();

        assertThat(moved.get("sections").get("budget").asText()).isEqualTo("UNAVAILABLE");
        assertThat(moved.get("allocated").isNull()).isTrue();
    }

    @Test
    void a_slow_events_service_delays_the_report_by_its_timeout_only() {
        events.slow(Duration.ofSeconds(5));

        long started = System.nanoTime();
        TestHttp.Response response = stack.asNewViewer("first-time-reader").get(REPORT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("sections").get("events").asText()).isEqualTo("UNAVAILABLE");
        assertThat(response.json().get("activitiesHeld").isNull()).isTrue();
        assertThat(response.json().get("spent").asText()).isEqualTo("21700.00");
        // the events timeout is 700 ms; the stand-in answers after 5 s
        assertThat(took).isLessThan(Duration.ofMillis(4000));
    }

    @Test
    void the_caller_token_goes_to_every_service() {
        http.get(REPORT);

        for (ScriptedService service : List.of(schools, events, budget)) {
            assertThat(service.reached()).anyMatch(r -> r.endsWith("Bearer " + officer));
        }
    }

    @Test
    void a_bad_fiscal_year_or_esa_code_is_a_4xx_problem_naming_it() {
        TestHttp.Response year = http.get("/api/v1/esas/P51-1/report?fiscalYear=1999");
        TestHttp.Response code = http.get("/api/v1/esas/nonsense/report?fiscalYear=2563");
        TestHttp.Response none = http.get("/api/v1/esas/P51-1/report");

        for (TestHttp.Response response : List.of(year, code, none)) {
            assertThat(response.status()).as(response.body()).isIn(400, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(year.status()).isEqualTo(422);
        assertThat(code.status()).isEqualTo(422);
        assertThat(year.body()).contains("fiscalYear");
        assertThat(code.body()).contains("code");
    }

    @Test
    void the_report_as_csv_is_utf8_with_a_bom_thai_headers_and_be_dates() throws Exception {
        HttpResponse<byte[]> file = download(REPORT + "&format=csv");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("esa-report-P51-1-2563.csv");
        assertThat(file.headers().allValues("Cache-Control")).containsExactly("no-store");
        byte[] bytes = file.body();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("โรงเรียนคุณภาพ", "สพป.ลำพูน เขต 1", "1 ตุลาคม 2562", "30 กันยายน 2563",
                "218700.00", "21700.00", "กันยายน 2563");
    }

    @Test
    void the_report_as_xlsx_has_a_sheet_per_section_thai_headers_baht_as_numbers_and_be_date_cells() throws Exception {
        HttpResponse<byte[]> file = download(REPORT + "&format=xlsx");

        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).contains("สรุป", "กิจกรรมรายเดือน", "งบประมาณ", "แหล่งข้อมูล");
            XSSFSheet summary = workbook.getSheet("สรุป");
            assertThat(summary.getRow(0).getCell(5).getStringCellValue()).isEqualTo("โรงเรียนคุณภาพ");
            assertThat(summary.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(31);
            assertThat(summary.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(218700.00);
            assertThat(summary.getRow(1).getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(summary.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2019, 10, 1));
            assertThat(summary.getRow(1).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("[$-107041E]d mmmm yyyy");
            assertThat(summary.getPrintSetup().getLandscape()).as("printed landscape").isTrue();
            assertThat(summary.getPrintSetup().getFitWidth()).as("on one page's width").isEqualTo((short) 1);
            assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).as("headers kept in view")
                    .isEqualTo((short) 1);
            XSSFSheet lines = workbook.getSheet("งบประมาณ");
            assertThat(new DataFormatter().formatCellValue(lines.getRow(2).getCell(7))).isEqualTo("21,700.00");
        }
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.getURL() + path))
                .header("Authorization", "Bearer " + TestTokens.officer("P51-1")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
