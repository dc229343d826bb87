package th.tambon.budget.expenditure;

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct expenditures (เบิกจ่าย without an activity) on an ESA's lines, through budget-service's API and budget.v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingExpendituresTest {
    private static final String EXPENDITURES = "/api/v1/fiscal-years/2563/esas/P51-1/expenditures";
    /** Each expenditure's own voucher number (ฎีกา), unless a test sends one again on purpose. */
    private static final java.util.concurrent.atomic.AtomicInteger DOCUMENTS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String EXPENDITURE_RECORDED = "th.tambon.budget.expenditure-recorded.v1";

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
    void an_expenditure_dated_2020_10_01_on_a_fy2563_line_is_refused_and_one_dated_2020_09_30_is_recorded_and_announced() {
        budget.round("P51-1", 2563, 1, "197000.00");
        String footprint = budget.footprint();

        TestHttp.Response nextYear = spend(1, 1, "1000.00", "2020-10-01");

        assertThat(nextYear.status()).as(nextYear.body()).isEqualTo(422);
        assertThat(nextYear.contentType()).startsWith("application/problem+json");
        assertThat(nextYear.json().get("errors").get(0).get("field").asText()).isEqualTo("spentOn");
        assertThat(nextYear.json().get("detail").asText()).contains("fiscal year 2564")
                .contains("2019-10-01").contains("2020-09-30");
        assertThat(budget.footprint()).isEqualTo(footprint);

        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            String before = budget.etag("P51-1", 2563, 1);
            TestHttp.Response lastDay = spend(1, 1, "1000.00", "2020-09-30");

            assertThat(lastDay.status()).as(lastDay.body()).isEqualTo(201);
            long version = Long.parseLong(before.replace("\"", "")) + 1;
            assertThat(lastDay.header("ETag")).isEqualTo("\"" + version + "\"");
            JsonNode expenditure = lastDay.json().get("expenditure");
            assertThat(expenditure.get("spentOn").asText()).isEqualTo("2020-09-30");
            assertThat(expenditure.get("spentOnTh").asText()).isEqualTo("30 กันยายน 2563");
            assertThat(expenditure.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(expenditure.get("recordedBy").asText()).isEqualTo("officer-P51-1");
            assertThat(expenditure.path("activity").isMissingNode() || expenditure.get("activity").isNull()).isTrue();
            JsonNode line = lastDay.json().get("line");
            assertThat(line.get("spent").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(line.get("remaining").decimalValue()).isEqualByComparingTo("196000.00");
            assertThat(budget.ledgerSum("P51-1", 2563, 1, 1, "SPENT")).isEqualByComparingTo("1000.00");

            String id = expenditure.get("id").asText();
            ConsumerRecord<String, byte[]> announced = events.await(r -> KafkaProbe.value(r).contains(id),
                    Duration.ofSeconds(20));
            assertThat(announced.key()).isEqualTo("P51-1/2563");
            assertThat(KafkaProbe.header(announced, CloudEventHeaders.TYPE)).isEqualTo(EXPENDITURE_RECORDED);
            JsonNode event = TestHttp.parse(KafkaProbe.value(announced));
            assertThat(event.get("version").asLong()).isEqualTo(version);
            assertThat(event.get("round").asInt()).isEqualTo(1);
            assertThat(event.get("line").asInt()).isEqualTo(1);
            assertThat(event.get("spentOn").asText()).isEqualTo("2020-09-30");
            assertThat(event.get("purposeTh").asText()).isEqualTo("ค่าวัสดุสำนักงาน");
            assertThat(event.path("activity").isMissingNode() || event.get("activity").isNull()).isTrue();
            assertThat(event.path("commitment").isMissingNode() || event.get("commitment").isNull()).isTrue();
        }
    }

    @Test
    void an_expenditure_sent_again_with_its_document_is_recorded_once_and_another_with_that_document_is_a_409() {
        budget.round("P51-1", 2563, 9, "50000.00");
        String first = body(9, 1, "1200.00", "2020-08-01", "ขบ 9001/2563");

        TestHttp.Response recorded = officer.post(EXPENDITURES, first);
        String footprint = budget.footprint();
        TestHttp.Response again = officer.post(EXPENDITURES, first);
        TestHttp.Response other = officer.post(EXPENDITURES, body(9, 1, "1300.00", "2020-08-01", "ขบ 9001/2563"));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(again.status()).as("a retry: the expenditure as recorded, nothing new").isEqualTo(200);
        assertThat(again.json().get("expenditure").get("id").asText())
                .isEqualTo(recorded.json().get("expenditure").get("id").asText());
        assertProblem(other, 409, "documentRef");
        assertThat(budget.footprint()).isEqualTo(footprint);
        assertThat(budget.ledgerSum("P51-1", 2563, 9, 1, "SPENT")).isEqualByComparingTo("1200.00");
    }

    @Test
    void an_expenditure_larger_than_what_its_line_has_remaining_is_refused_naming_the_remaining_and_changes_nothing() {
        budget.round("P51-1", 2563, 2, "21700.00");
        assertThat(spend(2, 1, "20000.00", "2020-07-21").status()).isEqualTo(201);
        String footprint = budget.footprint();

        TestHttp.Response refused = spend(2, 1, "1700.01", "2020-07-22");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(refused.json().get("detail").asText()).contains("INSUFFICIENT_BALANCE")
                .contains("2563/2/1").contains("1,700.00 บาท remaining");
        assertThat(budget.footprint()).isEqualTo(footprint);
        assertThat(spend(2, 1, "1700.00", "2020-07-22").status()).isEqualTo(201);
        assertThat(budget.remaining("P51-1", 2563, 2, 1)).isEqualByComparingTo("0.00");
    }

    @Test
    void twenty_parallel_expenditures_of_10000_on_a_line_with_55000_left_spend_exactly_five_and_leave_5000()
            throws Exception {
        budget.round("P51-1", 2563, 3, "55000.00");
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return spend(3, 1, "10000.00", "2020-08-01");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 422) {
                    assertThat(response.json().get("detail").asText()).contains("INSUFFICIENT_BALANCE");
                }
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(15);
        } finally {
            threads.shutdownNow();
        }
        JsonNode line = budget.line("P51-1", 2563, 3, 1);
        assertThat(line.get("remaining").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(line.get("spent").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(budget.ledgerSum("P51-1", 2563, 3, 1, "SPENT")).isEqualByComparingTo("50000.00");
        assertThat(infra.database().queryLong("SELECT count(*) FROM expenditure e JOIN allocation_line l "
                + "ON l.id = e.line_id WHERE l.esa = 'P51-1' AND l.fiscal_year = 2563 AND l.round = 3")).isEqualTo(5);
    }

    @Test
    void each_bad_expenditure_is_a_problem_naming_what_is_wrong_and_changes_nothing() {
        budget.round("P51-1", 2563, 4, "10000.00");
        String footprint = budget.footprint();

        assertProblem(spend(4, 2, "100.00", "2020-08-01"), 404, "line");
        assertProblem(spend(97, 1, "100.00", "2020-08-01"), 404, "line");
        assertProblem(spend(4, 1, "100.001", "2020-08-01"), 422, "amount");
        assertProblem(spend(4, 1, "-100.00", "2020-08-01"), 422, "amount");
        assertProblem(spend(4, 1, "0", "2020-08-01"), 422, "amount");
        assertProblem(spend(4, 1, "100.00", "2019-09-30"), 422, "spentOn");
        assertProblem(officer.withHeader("If-Match", "\"1\"").post(EXPENDITURES, body(4, 1, "100.00", "2020-08-01")),
                412, "If-Match");
        Map<String, Object> withoutPurpose = new LinkedHashMap<>(Map.of("round", 4, "line", 1, "amount", 100,
                "spentOn", "2020-08-01"));
        assertProblem(officer.post(EXPENDITURES, TestHttp.json(withoutPurpose)), 422, "purposeTh");
        TestHttp.Response otherEsa = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P31-4"))
                .post(EXPENDITURES, body(4, 1, "100.00", "2020-08-01"));
        assertThat(otherEsa.status()).as(otherEsa.body()).isEqualTo(403);
        TestHttp.Response viewer = new TestHttp(server.getURL().toString()).as(TestTokens.viewer())
                .post(EXPENDITURES, body(4, 1, "100.00", "2020-08-01"));
        assertThat(viewer.status()).as(viewer.body()).isEqualTo(403);

        assertThat(budget.footprint()).isEqualTo(footprint);
    }

    @Test
    void a_closed_fiscal_year_takes_no_expenditure() {
        budget.round("P31-4", 2564, 1, "10000.00");
        infra.database().queryLong("WITH closed AS (UPDATE fiscal_year SET closed_at = now(), closed_by = 'test', "
                + "version = version + 1 WHERE esa = 'P31-4' AND year = 2564 RETURNING 1) SELECT count(*) FROM closed");
        String footprint = budget.footprint();

        TestHttp.Response refused = new TestHttp(server.getURL().toString()).as(TestTokens.admin())
                .post("/api/v1/fiscal-years/2564/esas/P31-4/expenditures", body(1, 1, "100.00", "2021-01-15"));

        assertProblem(refused, 409, "fiscalYear");
        assertThat(budget.footprint()).isEqualTo(footprint);
    }

    @Test
    void an_esas_expenditures_are_listed_latest_day_first_to_those_who_read_its_budget() {
        budget.round("P51-1", 2563, 5, "30000.00");
        assertThat(spend(5, 1, "100.00", "2020-03-01").status()).isEqualTo(201);
        assertThat(spend(5, 1, "200.00", "2020-05-01").status()).isEqualTo(201);

        JsonNode listed = officer.get(EXPENDITURES + "?size=500").json();

        List<String> days = listed.get("items").findValuesAsText("spentOn");
        assertThat(days).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(days).contains("2020-03-01", "2020-05-01");
        assertThat(listed.get("items").get(0).has("round")).isTrue();
        TestHttp http = new TestHttp(server.getURL().toString());
        assertThat(http.as(TestTokens.officer("P31-4")).get(EXPENDITURES).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.viewer()).get(EXPENDITURES).status()).isEqualTo(200);
    }

    private TestHttp.Response spend(int round, int line, String amount, String spentOn) {
        return officer.post(EXPENDITURES, body(round, line, amount, spentOn));
    }

    private static String body(int round, int line, String amount, String spentOn) {
        return body(round, line, amount, spentOn, "ขบ " + DOCUMENTS.incrementAndGet() + "/2563");
    }

    private static String body(int round, int line, String amount, String spentOn, String documentRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("round", round);
        body.put("line", line);
        body.put("amount", amount);
        body.put("spentOn", spentOn);
        body.put("purposeTh", "ค่าวัสดุสำนักงาน");
        body.put("documentRef", documentRef);
        return TestHttp.json(body).replace("\"" + amount + "\"", amount);
    }

    private static void assertProblem(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
