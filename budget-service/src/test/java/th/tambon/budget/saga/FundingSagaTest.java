package th.tambon.budget.saga;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.EventsFeed;
import th.tambon.budget.saga.application.AnsweringFundingRequests;
import th.tambon.contracts.Topics;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * budget-service's side of the funding saga with a real broker and database: events-service's requests (published here
 * as events-service does) are committed or refused once per (activity, request) whatever is redelivered, replayed or
 * asked again; releases and reported costs settle the commitment once; racing requests never overspend a line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingSagaTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp obec;
    private EventsFeed events;
    private int nextRound = 10;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        events = new EventsFeed(infra.kafkaBootstrapServers(), server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_on_a_line_with_room_is_committed_once_however_often_it_is_redelivered_or_replayed() {
        int round = round("21700.00");
        String activity = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(activity, round, 1, "21700.00", 1, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            String ceId = events.publish(asked);
            JsonNode committed = answer(budget, activity, "th.tambon.budget.funds-committed.v1");
            assertThat(committed.get("request").asInt()).isEqualTo(1);
            assertThat(committed.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(committed.get("round").asInt()).isEqualTo(round);
            assertThat(committed.get("version").asLong()).isEqualTo(1);

            events.publish(asked, ceId);
            events.publish(asked);
            events.awaitAllTaken();
            infra.database().queryLong("WITH pruned AS (DELETE FROM messaging.inbox_message RETURNING 1) "
                    + "SELECT count(*) FROM pruned");
            events.publish(asked);
            events.awaitAllTaken();

            assertThat(budget.records(Duration.ofSeconds(2)).stream().filter(r -> activity.equals(r.key())))
                    .as("one answer, the first").hasSize(1);
        }
        assertThat(count("commitment WHERE activity = '" + activity + "'")).isEqualTo(1);
        assertThat(count("ledger_entry WHERE activity = '" + activity + "' AND kind = 'COMMITTED'")).isEqualTo(1);
        JsonNode line = line(round);
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(line.get("remaining").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode saga = obec.get("/api/v1/funding-sagas/" + activity).json();
        assertThat(saga.get("state").asText()).isEqualTo("COMMITTED");
        assertThat(saga.get("steps").findValuesAsText("step")).containsExactly("REQUESTED", "COMMITTED");
    }

    @Test
    void the_same_request_asked_again_gets_the_same_answer_again_with_the_next_version() {
        int round = round("21700.00");
        String activity = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(activity, round, 1, "21700.00", 1, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            events.publish(asked);
            JsonNode first = answer(budget, activity, "th.tambon.budget.funds-committed.v1");

            events.publish(EventsFeed.requested(activity, round, 1, "21700.00", 1, 2));
            JsonNode again = answer(budget, activity, "th.tambon.budget.funds-committed.v1", 2);

            assertThat(again.get("commitment").asText()).isEqualTo(first.get("commitment").asText());
        }
        assertThat(count("commitment WHERE activity = '" + activity + "'")).isEqualTo(1);
        assertThat(line(round).get("committed").decimalValue()).isEqualByComparingTo("21700.00");
    }

    @Test
    void a_request_the_line_cannot_cover_an_unknown_line_or_a_bad_amount_is_refused_with_its_reason() {
        int round = round("5000.00");
        String tooMuch = UUID.randomUUID().toString();
        String noLine = UUID.randomUUID().toString();
        String badAmount = UUID.randomUUID().toString();
        String tooLarge = UUID.randomUUID().toString();
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            events.publish(EventsFeed.requested(tooMuch, round, 1, "10000.00", 1, 1));
            events.publish(EventsFeed.requested(noLine, round, 9, "100.00", 1, 1));
            events.publish(EventsFeed.requested(tooLarge, round, 1, "10000000000000.00", 1, 1));

            assertThat(answer(budget, tooMuch, "th.tambon.budget.funding-rejected.v1").get("reason").asText())
                    .isEqualTo("INSUFFICIENT_BALANCE");
            assertThat(answer(budget, noLine, "th.tambon.budget.funding-rejected.v1").get("reason").asText())
                    .isEqualTo("UNKNOWN_LINE");
            assertThat(answer(budget, tooLarge, "th.tambon.budget.funding-rejected.v1").get("reason").asText())
                    .isEqualTo("INVALID_REQUEST");
            // events.v1's schema keeps such an amount off the topic: budget-service refuses it all the same
            server.getApplicationContext().getBean(AnsweringFundingRequests.class)
                    .requested(EventsFeed.requested(badAmount, round, 1, "100.005", 1, 1));
            assertThat(answer(budget, badAmount, "th.tambon.budget.funding-rejected.v1").get("reason").asText())
                    .isEqualTo("INVALID_REQUEST");
        }
        assertThat(line(round).get("remaining").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(count("commitment WHERE activity IN ('" + tooMuch + "', '" + noLine + "', '" + badAmount + "', '"
                + tooLarge + "')")).isZero();
    }

    @Test
    void cancelling_releases_the_commitment_once() {
        int round = round("21700.00");
        String activity = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(activity, round, 1, "21700.00", 1, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            events.publish(asked);
            answer(budget, activity, "th.tambon.budget.funds-committed.v1");
            String ceId = events.publish(EventsFeed.released(asked, true, 2));
            JsonNode released = answer(budget, activity, "th.tambon.budget.commitment-released.v1");
            assertThat(released.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(released.get("version").asLong()).isEqualTo(2);
            events.publish(EventsFeed.released(asked, true, 2), ceId);
            events.publish(EventsFeed.released(asked, true, 2));
            events.awaitAllTaken();
        }
        JsonNode line = line(round);
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(line.get("remaining").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(count("ledger_entry WHERE activity = '" + activity + "' AND kind = 'RELEASED'")).isEqualTo(1);
    }

    @Test
    void a_release_or_a_cost_for_a_request_never_made_is_a_dead_letter_and_changes_nothing() {
        int round = round("21700.00");
        String activity = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(activity, round, 1, "21700.00", 1, 1);
        ActivityFundingRequested neverMade = EventsFeed.requested(activity, round, 1, "21700.00", 2, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1);
             KafkaProbe dead = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.deadLetterOf("budget-service"))) {
            events.publish(asked);
            answer(budget, activity, "th.tambon.budget.funds-committed.v1");
            events.publish(EventsFeed.released(neverMade, true, 2));

            ConsumerRecord<String, byte[]> letter = dead.await(r -> (activity + "/funding").equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(letter, CloudEventHeaders.TYPE))
                    .isEqualTo("th.tambon.activity.funding-released.v1");
        }
        assertThat(line(round).get("committed").decimalValue()).isEqualByComparingTo("21700.00");
        JsonNode saga = obec.get("/api/v1/funding-sagas/" + activity).json();
        assertThat(saga.get("state").asText()).isEqualTo("COMMITTED");
        assertThat(saga.get("steps").findValuesAsText("step")).containsExactly("REQUESTED", "COMMITTED");
    }

    @Test
    void a_lower_actual_cost_is_spent_and_releases_the_difference() {
        int round = round("21700.00");
        String activity = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(activity, round, 1, "21700.00", 1, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            events.publish(asked);
            answer(budget, activity, "th.tambon.budget.funds-committed.v1");
            events.publish(EventsFeed.costReported(asked, "20000.50", LocalDate.of(2020, 9, 28), 2));
            JsonNode spent = answer(budget, activity, "th.tambon.budget.expenditure-recorded.v1");
            assertThat(spent.get("amount").decimalValue()).isEqualByComparingTo("20000.50");
            assertThat(spent.get("released").decimalValue()).isEqualByComparingTo("1699.50");
            assertThat(spent.get("spentOn").asText()).isEqualTo("2020-09-28");
        }
        JsonNode line = line(round);
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(line.get("spent").decimalValue()).isEqualByComparingTo("20000.50");
        assertThat(line.get("remaining").decimalValue()).isEqualByComparingTo("1699.50");
    }

    @Test
    void a_higher_cost_without_room_or_a_day_outside_the_fiscal_year_is_refused_and_the_commitment_stays() {
        int round = round("21700.00");
        String activity = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(activity, round, 1, "21700.00", 1, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            events.publish(asked);
            answer(budget, activity, "th.tambon.budget.funds-committed.v1");
            events.publish(EventsFeed.costReported(asked, "25900.00", LocalDate.of(2020, 9, 28), 2));
            assertThat(answer(budget, activity, "th.tambon.budget.expenditure-refused.v1").get("reason").asText())
                    .isEqualTo("INSUFFICIENT_BALANCE");
            events.publish(EventsFeed.costReported(asked, "21700.00", LocalDate.of(2020, 10, 1), 3));
            assertThat(answer(budget, activity, "th.tambon.budget.expenditure-refused.v1", 3).get("reason")
                    .asText()).isEqualTo("OUTSIDE_FISCAL_YEAR");
            events.publish(EventsFeed.costReported(asked, "21700.00", LocalDate.of(2020, 9, 30), 4));
            assertThat(answer(budget, activity, "th.tambon.budget.expenditure-recorded.v1").get("version")
                    .asLong()).isEqualTo(4);
        }
        JsonNode line = line(round);
        assertThat(line.get("spent").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(obec.get("/api/v1/funding-sagas/" + activity).json().get("steps").findValuesAsText("step"))
                .containsExactly("REQUESTED", "COMMITTED", "SPENDING_REFUSED", "SPENDING_REFUSED", "SPENT");
    }

    @Test
    void twenty_requests_racing_for_a_line_with_55000_left_commit_exactly_five_of_10000() throws Exception {
        int round = round("55000.00");
        AnsweringFundingRequests answering = server.getApplicationContext().getBean(AnsweringFundingRequests.class);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<?>> racing = new ArrayList<>();
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String activity = UUID.randomUUID().toString();
            activities.add(activity);
            racing.add(pool.submit(() -> {
                gate.await();
                return answering.requested(EventsFeed.requested(activity, round, 1, "10000.00", 1, 1));
            }));
        }
        gate.countDown();
        for (Future<?> f : racing) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        String of = "activity IN ('" + String.join("', '", activities) + "')";
        assertThat(count("commitment WHERE " + of)).isEqualTo(5);
        assertThat(count("funding_answer WHERE " + of + " AND reason = 'INSUFFICIENT_BALANCE'")).isEqualTo(15);
        assertThat(line(round).get("remaining").decimalValue()).isEqualByComparingTo("5000.00");
    }

    @Test
    void twenty_requests_through_events_v1_on_a_line_with_55000_left_commit_five_and_refuse_fifteen() {
        int round = round("55000.00");
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String activity = UUID.randomUUID().toString();
            activities.add(activity);
            events.publish(EventsFeed.requested(activity, round, 1, "10000.00", 1, 1));
        }
        events.awaitAllTaken();
        String of = "activity IN ('" + String.join("', '", activities) + "')";
        Eventually.await(WAIT, () -> assertThat(count("funding_answer WHERE " + of)).isEqualTo(20));
        assertThat(count("commitment WHERE " + of)).isEqualTo(5);
        assertThat(count("funding_answer WHERE " + of + " AND reason = 'INSUFFICIENT_BALANCE'")).isEqualTo(15);
        assertThat(line(round).get("remaining").decimalValue()).isEqualByComparingTo("5000.00");
    }

    /** Records a new round of P51-1 in FY2563 with one OPERATING line of {@code amount}; returns its number. */
    private int round(String amount) {
        int round = nextRound++;
        var recorded = obec.put("/api/v1/fiscal-years/2563/esas/P51-1/rounds/" + round, TestHttp.json(Map.of("amount", amount,
                "lines", List.of(Map.of("line", 1, "category", "OPERATING", "purposeTh",
                        "ค่าใช้จ่ายในการจัดกิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563", "amount", amount)))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return round;
    }

    private JsonNode line(int round) {
        return obec.get("/api/v1/fiscal-years/2563/esas/P51-1/rounds/" + round).json().get("lines").get(0);
    }

    private long count(String from) {
        return infra.database().queryLong("SELECT count(*) FROM " + from);
    }

    private static JsonNode answer(KafkaProbe budget, String activity, String type) {
        return answer(budget, activity, type, 0);
    }

    /** The next answer of {@code type} on the activity's key (with at least {@code version} when above 0). */
    private static JsonNode answer(KafkaProbe budget, String activity, String type, long version) {
        ConsumerRecord<String, byte[]> found = budget.await(r -> activity.equals(r.key())
                && type.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                && TestHttp.parse(KafkaProbe.value(r)).get("version").asLong() >= version, WAIT);
        return TestHttp.parse(KafkaProbe.value(found));
    }
}
