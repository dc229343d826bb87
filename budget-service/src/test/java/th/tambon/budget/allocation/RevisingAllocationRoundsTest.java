package th.tambon.budget.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.LedgerFixture;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.budget.Rounds.lamphunRound1;
import static th.tambon.budget.Rounds.lamphunRound2;
import static th.tambon.budget.Rounds.line;
import static th.tambon.budget.Rounds.path;
import static th.tambon.budget.Rounds.round;

/**
 * OBEC revises a round it recorded: only by a recorded revision (the original and revised amounts both kept), never
 * below what a line has committed and spent, on the fiscal year's version it read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisingAllocationRoundsTest {
    private static final String REASON = "ปรับลดตามมติการจัดสรรงบประมาณเพิ่มเติม";
    private static final String LETTER = "ศธ 04002/ว2345";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp obec;
    private LedgerFixture ledger;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        ledger = new LedgerFixture(server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_revised_round_keeps_its_original_amount_records_the_difference_in_the_ledger_and_is_announced_revised() {
        record("P51-1", 2563, 1, lamphunRound1());
        record("P51-1", 2563, 2, lamphunRound2());
        String key = "P51-1/2563";
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            TestHttp.Response revised = revise("P51-1", 2563, 1, "\"2\"", List.of(amount(1, "180000.00")), REASON,
                    LETTER);

            assertThat(revised.status()).as(revised.body()).isEqualTo(200);
            assertThat(revised.header("ETag")).isEqualTo("\"3\"");
            JsonNode round = revised.json();
            assertThat(round.get("amount").decimalValue()).isEqualByComparingTo("180000.00");
            assertThat(round.get("originalAmount").decimalValue()).isEqualByComparingTo("197000.00");
            assertThat(round.get("allocated").decimalValue()).isEqualByComparingTo("180000.00");
            assertThat(round.get("remaining").decimalValue()).isEqualByComparingTo("180000.00");
            assertThat(round.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("180000.00");
            assertThat(round.get("lines").get(0).get("originalAmount").decimalValue())
                    .isEqualByComparingTo("197000.00");
            assertThat(rows("SELECT kind, amount, reason, document_ref, recorded_by FROM ledger_entry "
                    + "WHERE esa = 'P51-1' AND fiscal_year = 2563 ORDER BY id")).containsExactly(
                    List.of("ALLOCATED", "197000.00", "round 1 received", "null", "obec-admin"),
                    List.of("ALLOCATED", "21700.00", "round 2 received", "null", "obec-admin"),
                    List.of("REVISED", "-17000.00", REASON, LETTER, "obec-admin"));
            assertThat(rows("SELECT original_amount, amount FROM allocation_round WHERE esa = 'P51-1' "
                    + "AND fiscal_year = 2563 AND round = 1")).containsExactly(List.of("197000.00", "180000.00"));
            assertThat(rows("SELECT command, target_id FROM audit.audit_entry ORDER BY id DESC LIMIT 1"))
                    .containsExactly(List.of("ReviseAllocationRound", "P51-1/2563/1"));
            assertThat(obec.get(path("P51-1", 2563, 2)).header("ETag")).isEqualTo("\"3\"");

            ConsumerRecord<String, byte[]> announced = budget.await(r -> key.equals(r.key())
                    && KafkaProbe.value(r).contains("\"change\":\"REVISED\""), Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(announced, CloudEventHeaders.TYPE))
                    .isEqualTo("th.tambon.budget.allocation-round-changed.v1");
            JsonNode event = TestHttp.parse(KafkaProbe.value(announced));
            assertThat(event.get("version").asLong()).isEqualTo(3);
            assertThat(event.get("change").asText()).isEqualTo("REVISED");
            assertThat(event.get("reason").asText()).isEqualTo(REASON);
            assertThat(event.get("round").asInt()).isEqualTo(1);
            assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("180000.00");
            assertThat(event.get("originalAmount").decimalValue()).isEqualByComparingTo("197000.00");
            assertThat(event.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("180000.00");
            assertThat(event.get("lines").get(0).get("originalAmount").decimalValue())
                    .isEqualByComparingTo("197000.00");
        }
    }

    @Test
    void a_revision_changes_the_lines_it_lists_and_the_round_becomes_the_sum_of_its_lines() {
        record("P31-4", 2563, 1, round("60000.00", line(1, "OPERATING", "ค่าใช้จ่ายในการดำเนินงาน", "30000.00"),
                line(2, "INVESTMENT", "ค่าครุภัณฑ์", "20000.00"), line(3, "SUBSIDY", "เงินอุดหนุน", "10000.00")));
        long entries = count("SELECT count(*) FROM ledger_entry");

        TestHttp.Response revised = revise("P31-4", 2563, 1, "\"1\"", List.of(amount(3, "12500.50"),
                amount(1, "25000.00"), amount(2, "20000.00")), "โอนงบตามหนังสือแจ้ง", null);

        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().get("amount").decimalValue()).isEqualByComparingTo("57500.50");
        assertThat(revised.json().get("originalAmount").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(revised.json().get("lines").findValues("amount")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("25000.00"), new java.math.BigDecimal("20000.00"),
                        new java.math.BigDecimal("12500.50"));
        assertThat(count("SELECT count(*) FROM ledger_entry")).as("the unchanged line 2 gets no entry")
                .isEqualTo(entries + 2);
        assertThat(rows("SELECT l.line, e.amount, coalesce(e.document_ref, '-') FROM ledger_entry e "
                + "JOIN allocation_line l ON l.id = e.line_id WHERE e.kind = 'REVISED' AND e.esa = 'P31-4' "
                + "AND e.fiscal_year = 2563 ORDER BY l.line")).containsExactly(List.of("1", "-5000.00", "-"),
                List.of("3", "2500.50", "-"));
    }

    @Test
    void a_revision_whose_lines_would_sum_beyond_what_baht_columns_hold_is_a_422_that_changes_nothing() {
        record("P31-4", 2566, 1, round("20000.00", line(1, "OPERATING", "ค่าใช้จ่ายในการดำเนินงาน", "10000.00"),
                line(2, "INVESTMENT", "ค่าครุภัณฑ์", "10000.00")));
        long entries = count("SELECT count(*) FROM ledger_entry");

        TestHttp.Response refused = revise("P31-4", 2566, 1, "\"1\"", List.of(amount(1, "999999999999.00"),
                amount(2, "999999999999.00")), "ปรับเพิ่ม", null);

        assertProblem(refused, 422, "lines");
        assertThat(count("SELECT count(*) FROM ledger_entry")).isEqualTo(entries);
        assertThat(obec.get(path("P31-4", 2566, 1)).json().get("amount").decimalValue())
                .isEqualByComparingTo("20000.00");
    }

    @Test
    void a_line_never_goes_below_what_it_has_committed_and_spent_422_naming_it_and_the_figures_and_nothing_changes() {
        record("P51-1", 2564, 2, lamphunRound2());
        ledger.commit("P51-1", 2564, 2, 1, "15000.00");
        ledger.spend("P51-1", 2564, 2, 1, "5000.00");
        long[] before = counts();

        TestHttp.Response below = revise("P51-1", 2564, 2, "\"1\"", List.of(amount(1, "19999.99")), REASON, LETTER);

        assertThat(below.status()).as(below.body()).isEqualTo(422);
        assertThat(below.contentType()).startsWith("application/problem+json");
        assertThat(below.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].amount");
        assertThat(below.json().get("detail").asText()).contains("2564/2/1", "15,000.00", "5,000.00", "20,000.00",
                "19,999.99");
        assertThat(counts()).containsExactly(before);
        assertThat(obec.get(path("P51-1", 2564, 2)).json().get("amount").decimalValue())
                .isEqualByComparingTo("21700.00");

        TestHttp.Response toTheBaht = revise("P51-1", 2564, 2, "\"1\"", List.of(amount(1, "20000.00")), REASON, LETTER);

        assertThat(toTheBaht.status()).as(toTheBaht.body()).isEqualTo(200);
        JsonNode line = toTheBaht.json().get("lines").get(0);
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(line.get("spent").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(line.get("remaining").decimalValue()).isZero();
        assertThat(line.get("executionRate").decimalValue()).isEqualByComparingTo("25.00");
    }

    @Test
    void what_a_line_received_by_transfer_counts_towards_what_it_may_use_and_what_it_gave_away_against_it() {
        record("P51-1", 2565, 1, round("30000.00", line(1, "OPERATING", "ค่าใช้จ่ายในการดำเนินงาน", "20000.00"),
                line(2, "OPERATING", "ค่าจัดกิจกรรม", "10000.00")));
        ledger.transfer("P51-1", 2565, 1, 1, 2, "5000.00");
        ledger.commit("P51-1", 2565, 1, 2, "12000.00");
        ledger.commit("P51-1", 2565, 1, 1, "10000.00");

        TestHttp.Response giver = revise("P51-1", 2565, 1, "\"1\"", List.of(amount(1, "14999.99")), REASON, null);
        assertThat(giver.status()).as(giver.body()).isEqualTo(422);
        assertThat(giver.json().get("detail").asText()).contains("15,000.00");

        TestHttp.Response receiver = revise("P51-1", 2565, 1, "\"1\"", List.of(amount(2, "7000.00")), REASON, null);

        assertThat(receiver.status()).as(receiver.body()).isEqualTo(200);
        JsonNode line2 = receiver.json().get("lines").get(1);
        assertThat(line2.get("amount").decimalValue()).isEqualByComparingTo("7000.00");
        assertThat(line2.get("allocated").decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(line2.get("remaining").decimalValue()).isZero();
        assertThat(receiver.json().get("amount").decimalValue()).isEqualByComparingTo("27000.00");
    }

    @Test
    void a_revision_must_name_the_fiscal_years_current_version_428_without_it_412_when_stale_and_nothing_changes() {
        record("P31-4", 2564, 1, lamphunRound2());
        record("P31-4", 2564, 2, lamphunRound2());
        long[] before = counts();
        var lines = List.of(amount(1, "100.00"));

        TestHttp.Response absent = revise("P31-4", 2564, 1, null, lines, REASON, null);
        TestHttp.Response any = revise("P31-4", 2564, 1, "*", lines, REASON, null);
        TestHttp.Response stale = revise("P31-4", 2564, 1, "\"1\"", lines, REASON, null);
        TestHttp.Response weak = revise("P31-4", 2564, 1, "W/\"2\"", lines, REASON, null);

        assertThat(absent.status()).as(absent.body()).isEqualTo(428);
        assertThat(absent.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(absent.json().get("detail").asText()).contains("version 2");
        assertThat(any.status()).isEqualTo(428);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(weak.status()).isEqualTo(412);
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void a_closed_fiscal_year_is_revised_no_more_409() {
        record("P31-4", 2565, 1, lamphunRound2());
        execute("UPDATE fiscal_year SET closed_at = now(), closed_by = 'test', version = version + 1 "
                + "WHERE esa = 'P31-4' AND year = 2565");
        long[] before = counts();

        TestHttp.Response closed = revise("P31-4", 2565, 1, "\"2\"", List.of(amount(1, "100.00")), REASON, null);

        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.json().get("errors").get(0).get("field").asText()).isEqualTo("fiscalYear");
        assertThat(closed.json().get("detail").asText()).contains("closed");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void an_unknown_round_or_line_is_a_404_and_a_revision_without_reason_or_with_bad_amounts_a_422_changing_nothing() {
        record("P51-1", 2566, 1, lamphunRound2());
        long[] before = counts();

        TestHttp.Response noRound = revise("P51-1", 2566, 2, "\"1\"", List.of(amount(1, "100.00")), REASON, null);
        TestHttp.Response noYear = revise("P51-1", 2567, 1, "\"1\"", List.of(amount(1, "100.00")), REASON, null);
        TestHttp.Response noLine = revise("P51-1", 2566, 1, "\"1\"", List.of(amount(1, "100.00"),
                amount(2, "100.00")), REASON, null);
        TestHttp.Response noReason = revise("P51-1", 2566, 1, "\"1\"", List.of(amount(1, "100.00")), " ", null);
        TestHttp.Response negative = revise("P51-1", 2566, 1, "\"1\"", List.of(amount(1, "-1.00")), REASON, null);
        TestHttp.Response satangFraction = revise("P51-1", 2566, 1, "\"1\"", List.of(amount(1, "100.005")), REASON,
                null);
        TestHttp.Response twice = revise("P51-1", 2566, 1, "\"1\"", List.of(amount(1, "100.00"),
                amount(1, "200.00")), REASON, null);
        TestHttp.Response none = revise("P51-1", 2566, 1, "\"1\"", List.of(), REASON, null);

        assertProblem(noRound, 404, null);
        assertProblem(noYear, 404, null);
        assertProblem(noLine, 404, "lines[1].line");
        assertThat(noLine.json().get("detail").asText()).contains("no line 2");
        assertProblem(noReason, 422, "reason");
        assertProblem(negative, 422, "lines[0].amount");
        assertProblem(satangFraction, 422, "lines[0].amount");
        assertProblem(twice, 422, "lines[1].line");
        assertProblem(none, 422, "lines");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void only_obec_revises_a_round_an_esa_officer_or_a_viewer_is_refused_with_403() {
        record("P51-1", 2568, 1, lamphunRound2());
        long[] before = counts();

        for (String token : List.of(TestTokens.officer("P51-1"), TestTokens.viewer(), TestTokens.director("51910001"))) {
            TestHttp.Response refused = obec.as(token).withHeader("If-Match", "\"1\"").post(path("P51-1", 2568, 1)
                    + "/revisions", TestHttp.json(body(List.of(amount(1, "100.00")), REASON, null)));
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void a_revision_that_leaves_every_line_as_it_is_changes_and_publishes_nothing() {
        record("P51-1", 2569, 1, lamphunRound1());
        long[] before = counts();

        TestHttp.Response same = revise("P51-1", 2569, 1, "\"1\"", List.of(amount(1, "197000")), REASON, null);

        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        assertThat(same.json().get("amount").decimalValue()).isEqualByComparingTo("197000.00");
        assertThat(counts()).containsExactly(before);
    }

    private void record(String esa, int year, int round, Map<String, Object> body) {
        TestHttp.Response recorded = obec.put(path(esa, year, round), TestHttp.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private TestHttp.Response revise(String esa, int year, int round, String ifMatch, List<Map<String, Object>> lines,
                                     String reason, String documentRef) {
        TestHttp http = ifMatch == null ? obec : obec.withHeader("If-Match", ifMatch);
        return http.post(path(esa, year, round) + "/revisions", TestHttp.json(body(lines, reason, documentRef)));
    }

    private static Map<String, Object> body(List<Map<String, Object>> lines, String reason, String documentRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        body.put("reason", reason);
        if (documentRef != null) {
            body.put("documentRef", documentRef);
        }
        return body;
    }

    private static Map<String, Object> amount(int line, String amount) {
        return Map.of("line", line, "amount", amount);
    }

    private static void assertProblem(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
    }

    /** What a refused revision must leave as it was: rounds and lines, the ledger, the years' versions, the outbox. */
    private static long[] counts() {
        return new long[]{count("SELECT coalesce(sum(amount * 100), 0) FROM allocation_round"),
                count("SELECT coalesce(sum(amount * 100), 0) FROM allocation_line"),
                count("SELECT count(*) FROM ledger_entry"), count("SELECT coalesce(sum(version), 0) FROM fiscal_year"),
                count("SELECT count(*) FROM messaging.outbox_message"), count("SELECT count(*) FROM audit.audit_entry")};
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }

    private static void execute(String sql) {
        try (Connection connection = infra.database().connect()) {
            connection.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<List<String>> rows(String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = infra.database().connect();
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getString(i)));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
