package th.tambon.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The national overview composed from one answer per service about every ESA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalOverviewTest {
    static final String COUNTS = "/api/v1/quality-schools/counts?fiscalYear=2563";
    static final String SUMMARY = "/api/v1/activities/summary?fiscalYear=2563";
    static final String YEAR = "/api/v1/fiscal-years/2563";

    private ScriptedStack stack;
    private ScriptedService schools;
    private ScriptedService events;
    private ScriptedService budget;
    private EmbeddedServer gateway;
    private TestHttp obec;

    @BeforeAll
    void start() {
        stack = new ScriptedStack(Map.of("tambon.gateway.views.budget-timeout", "700ms"));
        schools = stack.schools;
        events = stack.events;
        budget = stack.budget;
        gateway = stack.gateway;
        obec = stack.as(TestTokens.admin());
    }

    @BeforeEach
    void everyServiceAnswers() {
        stack.allUp();
        String esas = """
                [{"esa": "P31-4", "nameTh": "สพป.บุรีรัมย์ เขต 4", "kind": "PRIMARY", "provinceCode": "31",
                  "province": "บุรีรัมย์", "schools": 40, "qualitySchools": 40},
                 {"esa": "P51-1", "nameTh": "สพป.ลำพูน เขต 1", "kind": "PRIMARY", "provinceCode": "51",
                  "province": "ลำพูน", "schools": 33, "qualitySchools": 31},
                 {"esa": "S42-1", "nameTh": "สพม.เลย", "kind": "SECONDARY", "provinceCode": "42",
                  "province": "เลย", "schools": 5, "qualitySchools": 0}]""";
        schools.on(COUNTS, 200, "{\"fiscalYear\": 2563, \"activeOn\": \"2020-09-30\", \"esas\": " + esas + "}");
        schools.on(COUNTS + "&kind=PRIMARY", 200, "{\"fiscalYear\": 2563, \"activeOn\": \"2020-09-30\", \"esas\": "
                + esas.substring(0, esas.indexOf(",\n {\"esa\": \"S42-1\"")) + "]}");
        events.on(SUMMARY, 200, """
                {"fiscalYear": 2563, "esas": [
                 {"esa": "P31-4", "activities": 1, "held": 1, "participants": 40, "participantsHeld": 40,
                  "certificates": 0, "worksPresented": 0, "worksSelected": 0, "worksForwarded": 0, "schoolsReached": 40,
                  "byType": {"WORKSHOP": 1}, "byState": {"REPORTED": 1}, "heldByMonth": {"2020-07": 1}, "itaLevels": {}},
                 {"esa": "P51-1", "activities": 1, "held": 1, "participants": 104, "participantsHeld": 104,
                  "certificates": 31, "worksPresented": 0, "worksSelected": 0, "worksForwarded": 0, "schoolsReached": 31,
                  "byType": {"SYMPOSIUM": 1}, "byState": {"REPORTED": 1}, "heldByMonth": {"2020-09": 1}, "itaLevels": {}}]}""");
        budget.on(YEAR, 200, """
                {"fiscalYear": 2563, "totals": {"allocated": 218700.00, "committed": 0.00, "spent": 21700.00,
                 "remaining": 197000.00, "executionRate": 9.92},
                 "esas": [{"esa": "P51-1", "closed": false, "rounds": 2, "allocated": 218700.00, "committed": 0.00,
                   "spent": 21700.00, "remaining": 197000.00, "executionRate": 9.92}]}""");
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void every_registered_esa_has_a_row_with_zeros_where_a_service_knows_nothing_of_it_and_the_totals_of_all() {
        JsonNode overview = obec.get("/api/v1/overview?fiscalYear=2563").json();

        JsonNode items = overview.get("items");
        assertThat(codes(items)).containsExactly("P31-4", "P51-1", "S42-1");
        JsonNode loei = items.get(2);
        assertThat(loei.get("activitiesHeld").asLong()).isZero();
        assertThat(loei.get("allocated").asText()).isEqualTo("0.00");
        assertThat(items.get(1).get("spent").asText()).isEqualTo("21700.00");
        assertThat(items.get(1).get("costPerParticipant").asText()).isEqualTo("208.65");
        JsonNode totals = overview.get("totals");
        assertThat(totals.get("esa").asText()).isEqualTo("ALL");
        assertThat(totals.get("qualitySchools").asLong()).isEqualTo(71);
        assertThat(totals.get("participantsTotal").asLong()).isEqualTo(144);
        assertThat(totals.get("allocated").asText()).isEqualTo("218700.00");
        assertThat(totals.get("executionRate").asText()).isEqualTo("9.92");
        assertThat(overview.get("totalItems").asLong()).isEqualTo(3);
        assertThat(overview.get("sections").toString())
                .isEqualTo("{\"schools\":\"OK\",\"events\":\"OK\",\"budget\":\"OK\"}");
    }

    @Test
    void the_overview_asks_each_service_once_whatever_the_number_of_esas() {
        List<List<String>> before = List.of(schools.reached(), events.reached(), budget.reached());

        obec.get("/api/v1/overview?fiscalYear=2563");

        assertThat(schools.reached().size() - before.get(0).size()).isEqualTo(1);
        assertThat(events.reached().size() - before.get(1).size()).isEqualTo(1);
        assertThat(budget.reached().size() - before.get(2).size()).isEqualTo(1);
    }

    @Test
    void rows_sort_by_any_column_descending_with_nulls_and_ties_last_by_code_and_page() {
        JsonNode bySpent = obec.get("/api/v1/overview?fiscalYear=2563&sort=-spent&size=2").json();
        JsonNode byName = obec.get("/api/v1/overview?fiscalYear=2563&sort=nameTh").json();
        JsonNode second = obec.get("/api/v1/overview?fiscalYear=2563&sort=-spent&size=2&page=1").json();

        assertThat(codes(bySpent.get("items"))).containsExactly("P51-1", "P31-4");
        assertThat(bySpent.get("totalPages").asInt()).isEqualTo(2);
        assertThat(codes(second.get("items"))).containsExactly("S42-1");
        assertThat(second.get("totals").get("qualitySchools").asLong()).isEqualTo(71);
        assertThat(codes(byName.get("items"))).containsExactly("P31-4", "P51-1", "S42-1");
    }

    @Test
    void a_kind_filter_is_asked_of_schools_service_and_the_totals_cover_only_the_filtered_rows() {
        JsonNode primary = obec.get("/api/v1/overview?fiscalYear=2563&kind=PRIMARY").json();

        assertThat(codes(primary.get("items"))).containsExactly("P31-4", "P51-1");
        assertThat(primary.get("totals").get("schools").asLong()).isEqualTo(73);
    }

    @Test
    void with_budget_service_down_the_money_columns_and_their_totals_are_null_and_the_rest_complete() {
        budget.down(true);

        JsonNode overview = stack.asNewViewer("overview-reader").get("/api/v1/overview?fiscalYear=2563").json();

        assertThat(overview.get("sections").get("budget").asText()).isEqualTo("UNAVAILABLE");
        assertThat(overview.get("items").get(1).get("spent").isNull()).isTrue();
        assertThat(overview.get("totals").get("allocated").isNull()).isTrue();
        assertThat(overview.get("totals").get("participantsTotal").asLong()).isEqualTo(144);
    }

    @Test
    void with_schools_service_down_a_filtered_overview_has_no_rows_and_its_totals_are_unknown_not_zero() {
        schools.down(true);

        JsonNode overview = stack.asNewViewer("filtered-reader").get("/api/v1/overview?fiscalYear=2563&kind=PRIMARY")
                .json();

        assertThat(overview.get("sections").get("schools").asText()).isEqualTo("UNAVAILABLE");
        assertThat(overview.get("items")).isEmpty();
        JsonNode totals = overview.get("totals");
        for (String column : List.of("schools", "qualitySchools", "activitiesHeld", "participantsTotal", "allocated",
                "spent", "remaining")) {
            assertThat(totals.get(column).isNull()).as(column).isTrue();
        }
    }

    @Test
    void with_schools_service_down_an_unfiltered_overview_lists_the_esas_the_others_know_without_their_school_counts() {
        schools.down(true);

        JsonNode overview = stack.asNewViewer("unfiltered-reader").get("/api/v1/overview?fiscalYear=2563").json();

        assertThat(codes(overview.get("items"))).containsExactly("P31-4", "P51-1");
        assertThat(overview.get("items").get(0).get("qualitySchools").isNull()).isTrue();
        assertThat(overview.get("totals").get("qualitySchools").isNull()).isTrue();
        assertThat(overview.get("totals").get("participantsTotal").asLong()).isEqualTo(144);
    }

    @Test
    void the_totals_do_not_add_up_schools_reached_a_school_reached_by_two_esas_would_count_twice() {
        JsonNode totals = obec.get("/api/v1/overview?fiscalYear=2563").json().get("totals");

        assertThat(totals.get("schoolsReached").isNull()).isTrue();
        assertThat(totals.get("costPerSchoolReached").isNull()).isTrue();
        assertThat(totals.get("costPerParticipant").asText()).as("21,700.00 / 144").isEqualTo("150.69");
    }

    @Test
    void an_esa_officer_is_refused_the_national_overview() {
        TestHttp.Response response = new TestHttp(gateway.getURL().toString()).as(TestTokens.officer("P51-1"))
                .get("/api/v1/overview?fiscalYear=2563");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void an_unknown_sort_column_is_a_422_problem_naming_sort() {
        TestHttp.Response response = obec.get("/api/v1/overview?fiscalYear=2563&sort=salary");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("sort");
    }

    @Test
    void the_overview_as_csv_has_every_filtered_row_and_the_totals_last() {
        TestHttp.Response csv = obec.get("/api/v1/overview?fiscalYear=2563&size=1&format=csv");

        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFภาพรวม ปีงบประมาณ 2563");
        assertThat(lines[1]).startsWith("สพท.,ชื่อ สพท.");
        assertThat(lines[2]).startsWith("P31-4,สพป.บุรีรัมย์ เขต 4");
        assertThat(lines[4]).startsWith("S42-1");
        assertThat(lines[5]).startsWith("รวม,").contains("218700.00", "71");
        assertThat(lines[7]).isEqualTo("แหล่งข้อมูล");
    }

    private static List<String> codes(JsonNode items) {
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add(i.get("esa").asText()));
        return codes;
    }
}
