package th.tambon.budget.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.LedgerFixture;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.budget.Rounds.lamphunRound1;
import static th.tambon.budget.Rounds.lamphunRound2;
import static th.tambon.budget.Rounds.line;
import static th.tambon.budget.Rounds.path;
import static th.tambon.budget.Rounds.round;

/**
 * An ESA's fiscal year (days, totals, per category, rounds), its ledger a page at a time, and every ESA's fiscal year
 * in one call, over Lamphun's FY2563 with the Symposium's 21,700.00 spent and a Buriram round with a commitment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingFiscalYearsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        LedgerFixture ledger = new LedgerFixture(server);
        record("P51-1", 2563, 1, lamphunRound1());
        record("P51-1", 2563, 2, lamphunRound2());
        // the Symposium: committed, then its cost spent and its commitment released
        ledger.commit("P51-1", 2563, 2, 1, "21700.00");
        ledger.release("P51-1", 2563, 2, 1, "21700.00");
        ledger.spend("P51-1", 2563, 2, 1, "21700.00");
        record("P31-4", 2563, 1, round("60000.00", line(1, "SUBSIDY", "เงินอุดหนุน", "10000.00"),
                line(2, "OPERATING", "ค่าใช้จ่ายในการดำเนินงาน", "30000.00"),
                line(3, "INVESTMENT", "ค่าครุภัณฑ์", "20000.00")));
        ledger.commit("P31-4", 2563, 1, 2, "5000.00");
        record("P31-4", 2570, 1, lamphunRound2());
        execute("UPDATE fiscal_year SET closed_at = '2027-10-02T03:00:00Z', closed_by = 'test', version = version + 1 "
                + "WHERE esa = 'P31-4' AND year = 2570");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void lamphuns_fiscal_year_2563_came_to_218700_allocated_21700_spent_and_197000_remaining() {
        TestHttp.Response read = obec.get("/api/v1/fiscal-years/2563/esas/P51-1");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        JsonNode year = read.json();
        assertThat(year.get("esa").asText()).isEqualTo("P51-1");
        assertThat(year.get("fiscalYear").asInt()).isEqualTo(2563);
        assertThat(year.get("firstDay").asText()).isEqualTo("2019-10-01");
        assertThat(year.get("lastDay").asText()).isEqualTo("2020-09-30");
        assertThat(year.get("firstDayTh").asText()).isEqualTo("1 ตุลาคม 2562");
        assertThat(year.get("lastDayTh").asText()).isEqualTo("30 กันยายน 2563");
        assertThat(year.get("closed").asBoolean()).isFalse();
        assertThat(year.path("closedAt").isMissingNode() || year.get("closedAt").isNull()).isTrue();
        assertThat(year.get("version").asLong()).isEqualTo(2);
        assertTotals(year.get("totals"), "218700.00", "0.00", "21700.00", "197000.00", "9.92");
        assertThat(fieldNames(year.get("byCategory"))).containsExactly("OPERATING");
        assertTotals(year.get("byCategory").get("OPERATING"), "218700.00", "0.00", "21700.00", "197000.00", "9.92");
        assertThat(year.get("rounds").findValuesAsText("round")).containsExactly("1", "2");
        JsonNode symposium = year.get("rounds").get(1);
        assertThat(symposium.get("spent").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(symposium.get("remaining").decimalValue()).isZero();
        assertThat(symposium.get("executionRate").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(symposium.get("lines").get(0).get("spent").decimalValue()).isEqualByComparingTo("21700.00");
    }

    @Test
    void a_fiscal_year_is_summed_per_category_for_the_categories_with_lines_only_in_their_order() {
        JsonNode year = obec.get("/api/v1/fiscal-years/2563/esas/P31-4").json();

        assertThat(fieldNames(year.get("byCategory"))).containsExactly("OPERATING", "INVESTMENT", "SUBSIDY");
        assertTotals(year.get("byCategory").get("OPERATING"), "30000.00", "5000.00", "0.00", "25000.00", "0.00");
        assertTotals(year.get("byCategory").get("SUBSIDY"), "10000.00", "0.00", "0.00", "10000.00", "0.00");
        assertTotals(year.get("totals"), "60000.00", "5000.00", "0.00", "55000.00", "0.00");
        assertThat(year.get("rounds").get(0).get("lines").findValuesAsText("line")).containsExactly("1", "2", "3");
    }

    @Test
    void a_closed_fiscal_year_says_since_when() {
        JsonNode year = obec.get("/api/v1/fiscal-years/2570/esas/P31-4").json();

        assertThat(year.get("closed").asBoolean()).isTrue();
        assertThat(year.get("closedAt").asText()).isEqualTo("2027-10-02T03:00:00Z");
        assertThat(year.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void an_esa_officer_reads_its_own_esas_fiscal_year_only_and_a_year_without_a_round_is_a_404() {
        assertThat(obec.as(TestTokens.officer("P51-1")).get("/api/v1/fiscal-years/2563/esas/P51-1").status())
                .isEqualTo(200);
        assertThat(obec.as(TestTokens.viewer()).get("/api/v1/fiscal-years/2563/esas/P51-1").status()).isEqualTo(200);
        TestHttp.Response foreign = obec.as(TestTokens.officer("P31-4")).get("/api/v1/fiscal-years/2563/esas/P51-1");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(obec.as(TestTokens.director("51910001")).get("/api/v1/fiscal-years/2563/esas/P51-1").status())
                .isEqualTo(403);
        TestHttp.Response none = obec.get("/api/v1/fiscal-years/2564/esas/P51-1");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asText()).contains("P51-1", "2564");
        assertThat(obec.get("/api/v1/fiscal-years/2563/esas/P99-9").status()).isEqualTo(404);
    }

    @Test
    void the_movements_of_a_fiscal_year_come_newest_first_a_page_at_a_time_with_what_each_belongs_to() {
        TestHttp.Response first = obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements?size=2");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(5);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsText("kind")).containsExactly("SPENT", "RELEASED");
        JsonNode spent = page.get("items").get(0);
        assertThat(spent.get("round").asInt()).isEqualTo(2);
        assertThat(spent.get("line").asInt()).isEqualTo(1);
        assertThat(spent.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(spent.get("expenditure").asText()).hasSize(36);
        assertThat(spent.get("reason").asText()).isEqualTo("test expenditure");
        assertThat(spent.get("recordedBy").asText()).isEqualTo("test");
        assertThat(spent.get("recordedAt").asText()).isNotBlank();
        assertThat(page.get("items").get(1).get("amount").decimalValue()).isEqualByComparingTo("-21700.00");
        JsonNode rest = obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements?size=2&page=2").json();
        assertThat(rest.get("items")).hasSize(1);
        JsonNode allocated = rest.get("items").get(0);
        assertThat(allocated.get("kind").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("round").asInt()).isEqualTo(1);
        assertThat(allocated.get("reason").asText()).isEqualTo("round 1 received");
        assertThat(allocated.get("recordedBy").asText()).isEqualTo("obec-admin");
        List<Long> ids = new ArrayList<>();
        obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements").json().get("items")
                .forEach(m -> ids.add(m.get("id").asLong()));
        assertThat(ids).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void the_movements_are_filtered_by_round_line_and_kind() {
        assertThat(kinds("round=2")).containsExactly("SPENT", "RELEASED", "COMMITTED", "ALLOCATED");
        assertThat(kinds("round=1&line=1")).containsExactly("ALLOCATED");
        assertThat(kinds("line=1&kind=ALLOCATED")).containsExactly("ALLOCATED", "ALLOCATED");
        assertThat(kinds("kind=COMMITTED")).containsExactly("COMMITTED");
        assertThat(kinds("round=3")).isEmpty();
        JsonNode rounds = obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements?kind=ALLOCATED").json();
        assertThat(rounds.get("items").findValuesAsText("round")).containsExactly("2", "1");
    }

    @Test
    void an_unknown_kind_is_a_422_naming_it_and_movements_are_guarded_as_their_fiscal_year() {
        TestHttp.Response unknown = obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements?kind=BORROWED");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
        TestHttp.Response size = obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements?size=0");
        assertThat(size.status()).isEqualTo(422);
        assertThat(size.json().get("errors").get(0).get("field").asText()).isEqualTo("size");

        assertThat(obec.as(TestTokens.officer("P31-4")).get("/api/v1/fiscal-years/2563/esas/P51-1/movements")
                .status()).isEqualTo(403);
        assertThat(obec.as(TestTokens.officer("P51-1")).get("/api/v1/fiscal-years/2563/esas/P51-1/movements")
                .status()).isEqualTo(200);
        assertThat(obec.get("/api/v1/fiscal-years/2564/esas/P51-1/movements").status()).isEqualTo(404);
    }

    @Test
    void every_esas_fiscal_year_comes_in_one_call_with_the_years_totals() {
        TestHttp.Response read = obec.get("/api/v1/fiscal-years/2563");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode year = read.json();
        assertThat(year.get("fiscalYear").asInt()).isEqualTo(2563);
        assertThat(year.get("firstDay").asText()).isEqualTo("2019-10-01");
        assertThat(year.get("esas").findValuesAsText("esa")).containsExactly("P31-4", "P51-1");
        JsonNode buriram = year.get("esas").get(0);
        assertThat(buriram.get("rounds").asInt()).isEqualTo(1);
        assertThat(buriram.get("closed").asBoolean()).isFalse();
        assertTotals(buriram, "60000.00", "5000.00", "0.00", "55000.00", "0.00");
        JsonNode lamphun = year.get("esas").get(1);
        assertThat(lamphun.get("rounds").asInt()).isEqualTo(2);
        assertTotals(lamphun, "218700.00", "0.00", "21700.00", "197000.00", "9.92");
        assertTotals(year.get("totals"), "278700.00", "5000.00", "21700.00", "252000.00", "7.79");
        assertThat(obec.as(TestTokens.viewer()).get("/api/v1/fiscal-years/2563").json().get("esas")).hasSize(2);
        JsonNode closed = obec.get("/api/v1/fiscal-years/2570").json().get("esas").get(0);
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("closedAt").asText()).isEqualTo("2027-10-02T03:00:00Z");
    }

    @Test
    void an_esa_officer_gets_only_its_own_esas_entry_a_director_none_and_a_year_without_rounds_an_empty_list() {
        JsonNode own = obec.as(TestTokens.officer("P51-1")).get("/api/v1/fiscal-years/2563").json();
        assertThat(own.get("esas").findValuesAsText("esa")).containsExactly("P51-1");
        assertTotals(own.get("totals"), "218700.00", "0.00", "21700.00", "197000.00", "9.92");
        assertThat(obec.as(TestTokens.director("51910001")).get("/api/v1/fiscal-years/2563").status())
                .isEqualTo(403);

        TestHttp.Response empty = obec.get("/api/v1/fiscal-years/2599");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("esas")).isEmpty();
        assertThat(empty.json().get("esas").isArray()).isTrue();
        assertThat(empty.json().get("totals").get("allocated").decimalValue()).isZero();
    }

    private List<String> kinds(String query) {
        TestHttp.Response page = obec.get("/api/v1/fiscal-years/2563/esas/P51-1/movements?" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").findValuesAsText("kind");
    }

    private static void assertTotals(JsonNode totals, String allocated, String committed, String spent,
                                     String remaining, String executionRate) {
        assertThat(totals.get("allocated").decimalValue()).isEqualByComparingTo(allocated);
        assertThat(totals.get("committed").decimalValue()).isEqualByComparingTo(committed);
        assertThat(totals.get("spent").decimalValue()).isEqualByComparingTo(spent);
        assertThat(totals.get("remaining").decimalValue()).isEqualByComparingTo(remaining);
        assertThat(totals.get("executionRate").decimalValue()).isEqualByComparingTo(executionRate);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void record(String esa, int year, int round, Map<String, Object> body) {
        TestHttp.Response recorded = obec.put(path(esa, year, round), TestHttp.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private static void execute(String sql) {
        try (Connection connection = infra.database().connect()) {
            connection.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
