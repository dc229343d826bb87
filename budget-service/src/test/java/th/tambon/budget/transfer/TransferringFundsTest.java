package th.tambon.budget.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.AllocatedLines;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Transfers between lines of an ESA's fiscal year (โอนเปลี่ยนแปลง), through budget-service's API and budget.v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferringFundsTest {
    private static final String TRANSFERS = "/api/v1/fiscal-years/2563/esas/P51-1/transfers";
    private static final String FUNDS_TRANSFERRED = "th.tambon.budget.funds-transferred.v1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp officer;
    private AllocatedLines budget;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        TestHttp http = new TestHttp(server.getURL().toString());
        officer = http.as(TestTokens.officer("P51-1"));
        budget = new AllocatedLines(http.as(TestTokens.admin()), infra.database());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_transfer_moves_money_from_one_line_to_another_and_each_is_announced_on_the_fiscal_year_key_one_version_later() {
        budget.round("P51-1", 2563, 1, "100000.00", "50000.00");
        budget.round("P51-1", 2563, 2, "21700.00");
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            String before = budget.etag("P51-1", 2563, 1);
            TestHttp.Response moved = transfer(before, Map.of("round", 1, "line", 1), Map.of("round", 2, "line", 1),
                    "30000.00");

            assertThat(moved.status()).as(moved.body()).isEqualTo(201);
            long version = Long.parseLong(before.replace("\"", "")) + 1;
            assertThat(moved.header("ETag")).isEqualTo("\"" + version + "\"");
            JsonNode transfer = moved.json().get("transfer");
            assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo("30000.00");
            assertThat(transfer.get("from").get("round").asInt()).isEqualTo(1);
            assertThat(transfer.get("to").get("round").asInt()).isEqualTo(2);
            assertThat(transfer.get("reason").asText()).isEqualTo("ย้ายงบประมาณไปจัดกิจกรรมแลกเปลี่ยนเรียนรู้");
            assertThat(transfer.get("transferredBy").asText()).isEqualTo("officer-P51-1");
            JsonNode from = moved.json().get("from");
            assertThat(from.get("transferred").decimalValue()).isEqualByComparingTo("-30000.00");
            assertThat(from.get("allocated").decimalValue()).isEqualByComparingTo("70000.00");
            assertThat(from.get("remaining").decimalValue()).isEqualByComparingTo("70000.00");
            JsonNode to = moved.json().get("to");
            assertThat(to.get("allocated").decimalValue()).isEqualByComparingTo("51700.00");
            assertThat(to.get("remaining").decimalValue()).isEqualByComparingTo("51700.00");

            TestHttp.Response back = transfer(moved.header("ETag"), Map.of("round", 2, "line", 1),
                    Map.of("round", 1, "line", 2), "0.50");
            assertThat(back.status()).as(back.body()).isEqualTo(201);
            assertThat(back.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");

            assertThat(budget.remaining("P51-1", 2563, 1, 1)).isEqualByComparingTo("70000.00");
            assertThat(budget.remaining("P51-1", 2563, 1, 2)).isEqualByComparingTo("50000.50");
            assertThat(budget.remaining("P51-1", 2563, 2, 1)).isEqualByComparingTo("51699.50");
            assertThat(budget.ledgerSum("P51-1", 2563, 1, 1, "TRANSFERRED_OUT")).isEqualByComparingTo("-30000.00");
            assertThat(budget.ledgerSum("P51-1", 2563, 2, 1, "TRANSFERRED_IN")).isEqualByComparingTo("30000.00");
            assertThat(budget.ledgerSum("P51-1", 2563, 2, 1, "TRANSFERRED_OUT")).isEqualByComparingTo("-0.50");

            JsonNode newest = officer.get(TRANSFERS + "?size=2").json().get("items");
            String backId = back.json().get("transfer").get("id").asText();
            assertThat(newest.findValuesAsText("id")).containsExactly(backId, transfer.get("id").asText());
            assertThat(newest.findValues("amount")).extracting(JsonNode::decimalValue)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.50"), new BigDecimal("30000.00"));

            events.await(r -> KafkaProbe.value(r).contains(backId), Duration.ofSeconds(20));
            // the rounds' own events (versions up to the one read before) may reach the topic after the probe began:
            // the relay publishes after their requests returned
            List<ConsumerRecord<String, byte[]>> ofYear = events.records(Duration.ofMillis(300)).stream()
                    .filter(r -> "P51-1/2563".equals(r.key()))
                    .filter(r -> TestHttp.parse(KafkaProbe.value(r)).get("version").asLong() >= version).toList();
            assertThat(ofYear).allSatisfy(r -> assertThat(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                    .isEqualTo(FUNDS_TRANSFERRED));
            assertThat(ofYear.stream().map(r -> TestHttp.parse(KafkaProbe.value(r)).get("version").asLong()))
                    .containsExactly(version, version + 1);
            JsonNode first = TestHttp.parse(KafkaProbe.value(ofYear.get(0)));
            assertThat(first.get("transfer").asText()).isEqualTo(transfer.get("id").asText());
            assertThat(first.get("from").get("line").asInt()).isEqualTo(1);
            assertThat(first.get("to").get("round").asInt()).isEqualTo(2);
            assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("30000.00");
            assertThat(first.get("documentRef").asText()).isEqualTo("ศธ 04142/2345");
        }
    }

    @Test
    void a_transfer_that_would_take_a_line_below_what_it_has_committed_and_spent_is_refused_and_changes_nothing() {
        budget.round("P51-1", 2563, 3, "20000.00", "10000.00");
        TestHttp.Response spent = officer.post("/api/v1/fiscal-years/2563/esas/P51-1/expenditures", TestHttp.json(
                Map.of("round", 3, "line", 1, "amount", "15000.00", "spentOn", "2020-06-15",
                        "purposeTh", "ค่าวัสดุสำนักงาน")));
        assertThat(spent.status()).as(spent.body()).isEqualTo(201);
        String footprint = budget.footprint();

        TestHttp.Response refused = transfer(spent.header("ETag"), Map.of("round", 3, "line", 1),
                Map.of("round", 3, "line", 2), "5000.01");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(refused.json().get("detail").asText())
                .contains("a transfer cannot take line 2563/3/1 below what it has committed and spent")
                .contains("15,000.00 บาท spent").contains("5,000.00 บาท may leave it");
        assertThat(budget.footprint()).isEqualTo(footprint);
        assertThat(budget.remaining("P51-1", 2563, 3, 1)).isEqualByComparingTo("5000.00");

        TestHttp.Response all = transfer(spent.header("ETag"), Map.of("round", 3, "line", 1),
                Map.of("round", 3, "line", 2), "5000.00");
        assertThat(all.status()).as(all.body()).isEqualTo(201);
        assertThat(all.json().get("from").get("remaining").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(all.json().get("from").get("spent").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(all.json().get("to").get("remaining").decimalValue()).isEqualByComparingTo("15000.00");
    }

    @Test
    void each_bad_transfer_is_a_problem_naming_what_is_wrong_and_changes_nothing() {
        budget.round("P51-1", 2563, 4, "10000.00", "10000.00");
        String etag = budget.etag("P51-1", 2563, 4);
        Map<String, Object> line1 = Map.of("round", 4, "line", 1);
        Map<String, Object> line2 = Map.of("round", 4, "line", 2);
        String footprint = budget.footprint();

        assertProblem(transfer(etag, line1, line1, "100.00"), 422, "to");
        assertProblem(transfer(etag, Map.of("round", 4, "line", 9), line2, "100.00"), 404, "from");
        assertProblem(transfer(etag, line1, Map.of("round", 98, "line", 1), "100.00"), 404, "to");
        assertProblem(transfer(etag, line1, line2, "100.001"), 422, "amount");
        assertProblem(transfer(etag, line1, line2, "-100.00"), 422, "amount");
        assertProblem(transfer(etag, line1, line2, "0.00"), 422, "amount");
        assertProblem(transfer(null, line1, line2, "100.00"), 428, "If-Match");
        assertProblem(transfer("*", line1, line2, "100.00"), 428, "If-Match");
        assertProblem(transfer("\"1\"", line1, line2, "100.00"), 412, "If-Match");
        assertProblem(transfer(etag, line1, line2, "20000.00"), 422, "amount");
        Map<String, Object> withoutReason = body(line1, line2, "100.00");
        withoutReason.remove("reason");
        assertProblem(officer.withHeader("If-Match", etag).post(TRANSFERS, TestHttp.json(withoutReason)), 422,
                "reason");
        Map<String, Object> withoutDocument = body(line1, line2, "100.00");
        withoutDocument.put("documentRef", " ");
        assertProblem(officer.withHeader("If-Match", etag).post(TRANSFERS, TestHttp.json(withoutDocument)), 422,
                "documentRef");
        TestHttp.Response otherEsa = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P31-4"))
                .withHeader("If-Match", etag).post(TRANSFERS, TestHttp.json(body(line1, line2, "100.00")));
        assertThat(otherEsa.status()).as(otherEsa.body()).isEqualTo(403);
        assertThat(otherEsa.contentType()).startsWith("application/problem+json");
        TestHttp.Response noYear = officer.withHeader("If-Match", "\"1\"").post(
                "/api/v1/fiscal-years/2570/esas/P51-1/transfers", TestHttp.json(body(line1, line2, "100.00")));
        assertThat(noYear.status()).as(noYear.body()).isEqualTo(404);

        assertThat(budget.footprint()).isEqualTo(footprint);
        assertThat(budget.etag("P51-1", 2563, 4)).isEqualTo(etag);
    }

    @Test
    void a_closed_fiscal_year_takes_no_transfer() {
        budget.round("P31-4", 2564, 1, "10000.00", "10000.00");
        infra.database().queryLong("WITH closed AS (UPDATE fiscal_year SET closed_at = now(), closed_by = 'test', "
                + "version = version + 1 WHERE esa = 'P31-4' AND year = 2564 RETURNING 1) SELECT count(*) FROM closed");
        String etag = budget.etag("P31-4", 2564, 1);
        String footprint = budget.footprint();

        TestHttp.Response refused = new TestHttp(server.getURL().toString()).as(TestTokens.admin())
                .withHeader("If-Match", etag).post("/api/v1/fiscal-years/2564/esas/P31-4/transfers",
                        TestHttp.json(body(Map.of("round", 1, "line", 1), Map.of("round", 1, "line", 2), "1.00")));

        assertProblem(refused, 409, "fiscalYear");
        assertThat(budget.footprint()).isEqualTo(footprint);
    }

    @Test
    void an_esa_officer_lists_only_its_own_esa_transfers_and_a_viewer_any() {
        TestHttp http = new TestHttp(server.getURL().toString());
        assertThat(http.as(TestTokens.officer("P31-4")).get(TRANSFERS).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.viewer()).get(TRANSFERS).status()).isEqualTo(200);
        assertThat(http.as(TestTokens.director("51010001")).get(TRANSFERS).status()).isEqualTo(403);
    }

    private TestHttp.Response transfer(String ifMatch, Map<String, Object> from, Map<String, Object> to,
                                       String amount) {
        TestHttp client = ifMatch == null ? officer : officer.withHeader("If-Match", ifMatch);
        return client.post(TRANSFERS, TestHttp.json(body(from, to, amount)).replace("\"" + amount + "\"", amount));
    }

    private static Map<String, Object> body(Map<String, Object> from, Map<String, Object> to, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("amount", amount);
        body.put("reason", "ย้ายงบประมาณไปจัดกิจกรรมแลกเปลี่ยนเรียนรู้");
        body.put("documentRef", "ศธ 04142/2345");
        return body;
    }

    private static void assertProblem(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
