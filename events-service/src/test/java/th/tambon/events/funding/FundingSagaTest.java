package th.tambon.events.funding;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.contracts.budget.FundsCommitted;
import th.tambon.events.Activities;
import th.tambon.events.BudgetFeed;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * events-service's side of the funding saga, with a real broker and database: planning an activity with funding asks
 * budget-service on events.v1 (the funding's own key and versions), budget-service's answers on budget.v1 (published
 * here as budget-service will) move the activity once whatever is redelivered, replayed or late, cancelling releases
 * and reporting gives the actual cost, and an answer that breaks the contract reaches events-service.dlq.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingSagaTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTED = "th.tambon.activity.funding-requested.v1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp lamphun;
    private BudgetFeed budget;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        lamphun = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P51-1"));
        budget = new BudgetFeed(infra.kafkaBootstrapServers(), server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void planning_the_lamphun_symposium_asks_budget_service_for_its_funding_on_the_fundings_own_key() {
        String id = draft("symposium-asked");
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(id, Map.of("to", "PLANNED"));

            ConsumerRecord<String, byte[]> asked = events.await(r -> (id + "/funding").equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(asked, CloudEventHeaders.TYPE)).isEqualTo(REQUESTED);
            assertThat(KafkaProbe.header(asked, CloudEventHeaders.SUBJECT)).isEqualTo(id + "/funding");
            JsonNode request = TestHttp.parse(KafkaProbe.value(asked));
            assertThat(request.get("activity").asText()).isEqualTo(id);
            assertThat(request.get("esa").asText()).isEqualTo("P51-1");
            assertThat(request.get("fiscalYear").asInt()).isEqualTo(2563);
            assertThat(request.get("round").asInt()).isEqualTo(2);
            assertThat(request.get("line").asInt()).isEqualTo(1);
            assertThat(request.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(request.get("request").asInt()).isEqualTo(1);
            assertThat(request.get("version").asLong()).isEqualTo(1);
            assertThat(request.has("requestedAt")).isTrue();
            ConsumerRecord<String, byte[]> changed = events.await(r -> id.equals(r.key())
                    && KafkaProbe.value(r).contains("\"change\":\"FUNDING_REQUESTED\""), WAIT);
            assertThat(KafkaProbe.value(changed)).as("the activity's own event keeps the activity's version")
                    .contains("\"version\":2");
        }
    }

    @Test
    void funds_committed_moves_it_to_funded_once_however_often_it_is_redelivered_or_replayed() {
        String id = draft("symposium-funded-once");
        JsonNode request = plan(id);
        FundsCommitted commitment = BudgetFeed.committed(request, 1);
        double ignoredBefore = answers("committed", "already-settled");

        String ceId = budget.publish(commitment);
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
        budget.publish(commitment, ceId);
        budget.publish(commitment);
        budget.awaitAllTaken();
        infra.database().queryLong("WITH pruned AS (DELETE FROM messaging.inbox_message RETURNING 1) "
                + "SELECT count(*) FROM pruned");
        budget.publish(commitment);
        budget.awaitAllTaken();

        JsonNode activity = lamphun.get("/api/v1/activities/" + id).json();
        assertThat(activity.get("state").asText()).isEqualTo("FUNDED");
        assertThat(activity.get("version").asLong()).isEqualTo(3);
        assertThat(activity.get("history").findValuesAsText("change"))
                .containsExactly("DRAFTED", "FUNDING_REQUESTED", "FUNDED");
        assertThat(activity.get("history").get(2).get("recordedBy").asText()).isEqualTo("budget-service");
        assertThat(activityEvents(id, "FUNDED")).as("one activity.changed FUNDED").hasSize(1);
        assertThat(answers("committed", "already-settled") - ignoredBefore)
                .as("the replay, and the replay after the inbox was pruned, counted as changing nothing").isEqualTo(2);
    }

    @Test
    void funding_rejected_moves_it_to_funding_rejected_with_budget_services_message_and_reason() {
        String id = draft("symposium-rejected");
        JsonNode request = plan(id);
        String message = "งบประมาณคงเหลือของรายการที่ 1 ไม่พอ: คงเหลือ 5,000.00 บาท";

        budget.publish(BudgetFeed.rejected(request, FundingRejected.INSUFFICIENT_BALANCE, message, 1));

        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDING_REJECTED"));
        JsonNode activity = lamphun.get("/api/v1/activities/" + id).json();
        assertThat(activity.get("reason").asText()).isEqualTo(message);
        JsonNode step = activity.get("history").get(2);
        assertThat(step.get("change").asText()).isEqualTo("FUNDING_REJECTED");
        assertThat(step.get("reason").asText()).isEqualTo(message);
        assertThat(step.get("reasonCode").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(step.get("recordedBy").asText()).isEqualTo("budget-service");
        Eventually.await(WAIT, () -> assertThat(activityEvents(id, "FUNDING_REJECTED")).singleElement()
                .satisfies(event -> assertThat(event).contains("\"reason\":\"" + message + "\"",
                        "\"reasonCode\":\"INSUFFICIENT_BALANCE\"")));
    }

    @Test
    void an_answer_to_an_older_request_after_planning_again_changes_nothing() {
        String id = draft("symposium-planned-again");
        JsonNode first = plan(id);
        budget.publish(BudgetFeed.rejected(first, FundingRejected.FISCAL_YEAR_CLOSED, "ปีงบประมาณ 2563 ปิดแล้ว", 1));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDING_REJECTED"));
        move(id, Map.of("to", "DRAFT"));
        JsonNode second = plan(id);
        assertThat(second.get("request").asInt()).isEqualTo(2);
        assertThat(second.get("version").asLong()).isEqualTo(2);

        budget.publish(BudgetFeed.committed(first, 2));
        budget.awaitAllTaken();

        assertThat(state(id)).as("a commitment of request 1 while request 2 waits").isEqualTo("FUNDING_REQUESTED");
        budget.publish(BudgetFeed.committed(second, 3));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
    }

    @Test
    void cancelling_a_funded_activity_releases_its_commitment_and_a_waiting_one_its_request() {
        String funded = draft("symposium-funded-cancelled");
        budget.publish(BudgetFeed.committed(plan(funded), 1));
        Eventually.await(WAIT, () -> assertThat(state(funded)).isEqualTo("FUNDED"));
        String waiting = draft("symposium-waiting-cancelled");
        plan(waiting);

        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(funded, Map.of("to", "CANCELLED", "reason", "เลื่อนออกไปเนื่องจากสถานการณ์ COVID-19"));
            move(waiting, Map.of("to", "CANCELLED", "reason", "ยกเลิก"));

            JsonNode released = TestHttp.parse(KafkaProbe.value(events.await(r -> (funded + "/funding").equals(r.key())
                    && "th.tambon.activity.funding-released.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    WAIT)));
            assertThat(released.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(released.get("request").asInt()).isEqualTo(1);
            assertThat(released.get("fundsCommitted").asBoolean()).isTrue();
            assertThat(released.get("reason").asText()).isEqualTo("เลื่อนออกไปเนื่องจากสถานการณ์ COVID-19");
            assertThat(released.get("version").asLong()).isEqualTo(2);
            JsonNode releasedWaiting = TestHttp.parse(KafkaProbe.value(events.await(r -> (waiting + "/funding")
                    .equals(r.key()) && "th.tambon.activity.funding-released.v1".equals(KafkaProbe.header(r,
                    CloudEventHeaders.TYPE)), WAIT)));
            assertThat(releasedWaiting.get("fundsCommitted").asBoolean()).isFalse();
            assertThat(releasedWaiting.get("version").asLong()).isEqualTo(2);
        }
    }

    @Test
    void reporting_a_funded_activity_gives_its_actual_cost_which_it_must_give() {
        String id = draft("symposium-reported");
        budget.publish(BudgetFeed.committed(plan(id), 1));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
        move(id, Map.of("to", "HELD"));
        long outbox = infra.database().queryLong("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response withoutCost = lamphun.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "REPORTED")));

        assertThat(withoutCost.status()).isEqualTo(422);
        assertThat(withoutCost.json().get("errors").get(0).get("field").asText()).isEqualTo("actualCost");
        assertThat(infra.database().queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(id, Map.of("to", "REPORTED", "actualCost", "21350.50"));

            ConsumerRecord<String, byte[]> reported = events.await(r -> (id + "/funding").equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(reported, CloudEventHeaders.TYPE))
                    .isEqualTo("th.tambon.activity.cost-reported.v1");
            JsonNode cost = TestHttp.parse(KafkaProbe.value(reported));
            assertThat(cost.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(cost.get("actualCost").decimalValue()).isEqualByComparingTo("21350.50");
            assertThat(cost.get("request").asInt()).isEqualTo(1);
            assertThat(cost.get("line").asInt()).isEqualTo(1);
            assertThat(cost.get("version").asLong()).isEqualTo(2);
        }
    }

    @Test
    void an_answer_about_an_activity_events_service_does_not_have_goes_to_its_dead_letter_topic_with_its_origin() {
        String stranger = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.deadLetterOf("events-service"))) {
            budget.publish(new FundsCommitted(stranger, "P51-1", 2563, 2, 1, new BigDecimal("21700.00"), 1,
                    UUID.randomUUID().toString(), Instant.now(), 1));

            ConsumerRecord<String, byte[]> letter = dlq.await(r -> stranger.equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(letter, "dlq-original-topic")).isEqualTo(Topics.BUDGET_V1);
            assertThat(KafkaProbe.header(letter, "dlq-consumer")).isEqualTo(BudgetFeed.GROUP);
            assertThat(KafkaProbe.header(letter, "dlq-error-message")).contains("has no activity " + stranger);
        }
    }

    @Test
    void an_answer_for_another_amount_than_was_asked_goes_to_the_dead_letter_topic_and_moves_nothing() {
        String id = draft("symposium-other-amount");
        FundsCommitted asked = BudgetFeed.committed(plan(id), 1);
        FundsCommitted more = new FundsCommitted(asked.activity(), asked.esa(), asked.fiscalYear(), asked.round(),
                asked.line(), new BigDecimal("99999.00"), asked.request(), asked.commitment(), asked.committedAt(), 1);
        try (KafkaProbe dlq = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.deadLetterOf("events-service"))) {
            budget.publish(more);

            ConsumerRecord<String, byte[]> letter = dlq.await(r -> id.equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(letter, "dlq-error-message")).contains("but it asked for P51-1 2563/2/1");
        }
        assertThat(state(id)).isEqualTo("FUNDING_REQUESTED");
    }

    @Test
    void asking_again_is_for_an_activity_waiting_for_its_answer_and_its_own_esas_officer() {
        String funded = draft("symposium-asked-again-too-late");
        budget.publish(BudgetFeed.committed(plan(funded), 1));
        Eventually.await(WAIT, () -> assertThat(state(funded)).isEqualTo("FUNDED"));
        String waiting = draft("symposium-asked-again-by-another");
        plan(waiting);
        long outbox = infra.database().queryLong("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response tooLate = lamphun.post("/api/v1/activities/" + funded + "/funding/retry", "");
        TestHttp.Response foreign = lamphun.as(TestTokens.officer("P31-4"))
                .post("/api/v1/activities/" + waiting + "/funding/retry", "");
        TestHttp.Response unknown = lamphun.post("/api/v1/activities/" + UUID.randomUUID() + "/funding/retry", "");

        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("detail").asText()).contains("is FUNDED");
        assertThat(tooLate.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(infra.database().queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void through_a_whole_saga_each_key_on_events_v1_carries_versions_that_only_grow() {
        String id = draft("symposium-whole-saga");
        JsonNode first = plan(id);
        assertThat(lamphun.post("/api/v1/activities/" + id + "/funding/retry", "").status()).isEqualTo(200);
        budget.publish(BudgetFeed.rejected(first, FundingRejected.UNKNOWN_LINE, "ไม่มีรายการที่ 1", 1));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDING_REJECTED"));
        move(id, Map.of("to", "DRAFT"));
        budget.publish(BudgetFeed.committed(plan(id), 2));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
        move(id, Map.of("to", "HELD"));
        move(id, Map.of("to", "REPORTED", "actualCost", "21700.00"));

        Eventually.await(WAIT, () -> assertThat(infra.database()
                .queryLong("SELECT count(*) FROM messaging.outbox_message WHERE sent_at IS NULL")).isZero());
        try (KafkaProbe events = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            events.await(r -> (id + "/funding").equals(r.key()) && KafkaProbe.value(r).contains("\"actualCost\""), WAIT);
            List<ConsumerRecord<String, byte[]>> records = events.records(Duration.ofMillis(200));
            assertThat(versions(records, id)).as("the activity's").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(versions(records, id + "/funding")).as("its funding's: asked, asked again, asked anew, cost")
                    .containsExactly(1L, 2L, 3L, 4L);
        }
    }

    private static List<Long> versions(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> TestHttp.parse(KafkaProbe.value(r)).get("version").asLong()).toList();
    }

    private String draft(String ref) {
        TestHttp.Response drafted = lamphun.post("/api/v1/activities", TestHttp.json(Activities.lamphunSymposium(ref)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    /** Plans it and returns the funding request it published. */
    private JsonNode plan(String id) {
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(id, Map.of("to", "PLANNED"));
            return TestHttp.parse(KafkaProbe.value(events.await(r -> (id + "/funding").equals(r.key())
                    && REQUESTED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), WAIT)));
        }
    }

    private void move(String id, Map<String, Object> body) {
        TestHttp.Response moved = lamphun.post("/api/v1/activities/" + id + "/transitions", TestHttp.json(body));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private String state(String id) {
        return lamphun.get("/api/v1/activities/" + id).json().get("state").asText();
    }

    /** The activity.changed.v1 events of the activity with this change, once the outbox has published everything. */
    private List<String> activityEvents(String id, String change) {
        Eventually.await(WAIT, () -> assertThat(infra.database()
                .queryLong("SELECT count(*) FROM messaging.outbox_message WHERE sent_at IS NULL")).isZero());
        try (KafkaProbe events = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            events.await(r -> id.equals(r.key()), WAIT);
            return events.records(Duration.ofMillis(500)).stream().filter(r -> id.equals(r.key()))
                    .map(KafkaProbe::value).filter(v -> v.contains("\"change\":\"" + change + "\"")).toList();
        }
    }

    private double answers(String reply, String answer) {
        Counter counter = server.getApplicationContext().getBean(MeterRegistry.class)
                .find("tambon.events.funding.replies").tag("reply", reply).tag("answer", answer).counter();
        return counter == null ? 0 : counter.count();
    }
}
