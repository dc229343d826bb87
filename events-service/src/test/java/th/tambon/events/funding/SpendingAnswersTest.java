package th.tambon.events.funding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.contracts.budget.ExpenditureRefused;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.events.Activities;
import th.tambon.events.BudgetFeed;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What budget-service says of a funded activity's commitment after it committed it, published on budget.v1 as
 * budget-service will: its reported cost recorded as spent or refused (shown on the activity, with why, and reported
 * again by an officer), its commitment carried over or released; each noted once in the activity's history whatever is
 * replayed or late, and only forward; an answer about something events-service never asked goes to its dead letters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpendingAnswersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTED = "th.tambon.activity.funding-requested.v1";
    private static final String COST_REPORTED = "th.tambon.activity.cost-reported.v1";
    private static final String SHORT = "งบประมาณคงเหลือของรายการที่ 1 ไม่พอ: ขาดอีก 1,200.00 บาท";

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
    void a_refused_cost_shows_why_and_reporting_it_again_republishes_the_same_cost_with_the_fundings_next_version() {
        String id = funded("symposium-cost-refused");
        JsonNode report = report(id, "21700.00");
        long activityVersion = view(id).get("version").asLong();

        budget.publish(BudgetFeed.refused(report, ExpenditureRefused.INSUFFICIENT_BALANCE, SHORT, 2));

        Eventually.await(WAIT, () -> assertThat(view(id).get("funding").path("spending").asText()).isEqualTo("REFUSED"));
        JsonNode refused = view(id);
        JsonNode funding = refused.get("funding");
        assertThat(funding.get("request").asInt()).isEqualTo(1);
        assertThat(funding.get("spendingReasonCode").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(funding.get("spendingMessage").asText()).isEqualTo(SHORT);
        assertThat(funding.has("spendingAt")).isTrue();
        assertThat(refused.get("state").asText()).isEqualTo("REPORTED");
        assertThat(refused.get("version").asLong()).as("the activity itself did not change").isEqualTo(activityVersion);
        JsonNode step = last(refused.get("history"));
        assertThat(step.get("change").asText()).isEqualTo("EXPENDITURE_REFUSED");
        assertThat(step.get("state").asText()).isEqualTo("REPORTED");
        assertThat(step.get("reason").asText()).isEqualTo(SHORT);
        assertThat(step.get("reasonCode").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(step.get("recordedBy").asText()).isEqualTo("budget-service");
        long audited = audited(id);

        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response again = lamphun.post("/api/v1/activities/" + id + "/funding/cost/retry", "");

            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("request").asInt()).isEqualTo(1);
            assertThat(again.json().get("version").asLong()).isEqualTo(3);
            assertThat(again.json().get("spentOn").asText()).isEqualTo("2020-09-28");
            ConsumerRecord<String, byte[]> reported = events.await(r -> (id + "/funding").equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(reported, CloudEventHeaders.TYPE)).isEqualTo(COST_REPORTED);
            JsonNode cost = TestHttp.parse(KafkaProbe.value(reported));
            assertThat(cost.get("request").asInt()).as("the same request").isEqualTo(1);
            assertThat(cost.get("actualCost").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(cost.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
            assertThat(cost.get("spentOn").asText()).as("the activity's day, as first reported")
                    .isEqualTo(report.get("spentOn").asText()).isEqualTo("2020-09-28");
            assertThat(cost.get("version").asLong()).as("the funding's next version").isEqualTo(3);
            assertThat(Instant.parse(cost.get("reportedAt").asText()))
                    .isAfter(Instant.parse(report.get("reportedAt").asText()));
        }
        JsonNode after = view(id);
        assertThat(after.get("version").asLong()).as("still the activity's own version").isEqualTo(activityVersion);
        JsonNode reportedAgain = last(after.get("history"));
        assertThat(reportedAgain.get("change").asText()).isEqualTo("COST_REPORTED_AGAIN");
        assertThat(reportedAgain.get("recordedBy").asText()).isEqualTo("officer-P51-1");
        assertThat(audited(id)).as("the audit trail says who").isEqualTo(audited + 1);
        assertThat(after.get("funding").get("spending").asText()).as("until budget-service answers again")
                .isEqualTo("REFUSED");
    }

    @Test
    void a_refusal_replayed_is_noted_once_a_recording_after_it_is_the_last_word_and_a_refusal_after_that_changes_nothing() {
        String id = funded("symposium-cost-recorded");
        ExpenditureRefused refusal = BudgetFeed.refused(report(id, "21700.00"), ExpenditureRefused.INSUFFICIENT_BALANCE,
                SHORT, 2);
        budget.publish(refusal);
        budget.publish(refusal);
        budget.awaitAllTaken();
        assertThat(view(id).get("funding").path("spending").asText()).isEqualTo("REFUSED");
        TestHttp.Response again = lamphun.post("/api/v1/activities/" + id + "/funding/cost/retry", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        budget.publish(BudgetFeed.recorded(again.json(), 3));

        Eventually.await(WAIT, () -> assertThat(view(id).get("funding").path("spending").asText())
                .isEqualTo("RECORDED"));
        JsonNode recorded = view(id);
        assertThat(recorded.get("funding").get("spendingMessage").asText())
                .isEqualTo("spent 21,700.00 baht on 2020-09-28; released 0.00");
        assertThat(recorded.get("funding").has("spendingReasonCode")).isFalse();
        assertThat(recorded.get("history").findValuesAsText("change")).containsExactly("DRAFTED", "FUNDING_REQUESTED",
                "FUNDED", "HELD", "REPORTED", "EXPENDITURE_REFUSED", "COST_REPORTED_AGAIN", "EXPENDITURE_RECORDED");
        assertThat(last(recorded.get("history")).get("reason").asText())
                .isEqualTo("spent 21,700.00 baht on 2020-09-28; released 0.00");
        double settledBefore = answers("expenditure-refused", "already-settled");

        budget.publish(refusal);
        budget.publish(BudgetFeed.refused(again.json(), ExpenditureRefused.NOT_COMMITTED,
                "ไม่มีเงินกันไว้สำหรับคำขอที่ 1 แล้ว (เบิกจ่ายแล้ว)", 4));
        budget.awaitAllTaken();

        JsonNode after = view(id);
        assertThat(after.get("funding").get("spending").asText()).isEqualTo("RECORDED");
        assertThat(after.get("history")).as("no row for either").hasSize(recorded.get("history").size());
        assertThat(answers("expenditure-refused", "already-settled") - settledBefore)
                .as("the replayed refusal and the newer one of a second report, both after the recording")
                .isEqualTo(2);
        TestHttp.Response recordedAlready = lamphun.post("/api/v1/activities/" + id + "/funding/cost/retry", "");
        assertThat(recordedAlready.status()).isEqualTo(409);
        assertThat(recordedAlready.json().get("errors").get(0).get("field").asText()).isEqualTo("spending");
        assertThat(recordedAlready.json().get("detail").asText()).contains("recorded", "already");
    }

    @Test
    void an_answer_about_an_earlier_request_changes_nothing() {
        String id = draft("symposium-spending-older-request");
        JsonNode first = plan(id);
        budget.publish(BudgetFeed.rejected(first, FundingRejected.INSUFFICIENT_BALANCE, "ไม่พอ", 1));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDING_REJECTED"));
        move(id, Map.of("to", "DRAFT"));
        JsonNode second = plan(id);
        budget.publish(BudgetFeed.committed(second, 2));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
        JsonNode report = report(id, "21000.00");
        ObjectNode ofTheFirst = report.deepCopy();
        ofTheFirst.put("request", 1);
        int rows = view(id).get("history").size();
        double refusedBefore = answers("expenditure-refused", "older-request");
        double releasedBefore = answers("commitment-released", "older-request");

        budget.publish(BudgetFeed.refused(ofTheFirst, ExpenditureRefused.NOT_COMMITTED, "ไม่มีเงินกันไว้", 3));
        budget.publish(BudgetFeed.released(first, "คำขอที่ 1 ไม่ได้รับการอนุมัติ", 4));
        budget.awaitAllTaken();

        JsonNode activity = view(id);
        assertThat(activity.get("funding").get("request").asInt()).isEqualTo(2);
        assertThat(activity.get("funding").has("spending")).isFalse();
        assertThat(activity.get("history")).hasSize(rows);
        assertThat(answers("expenditure-refused", "older-request") - refusedBefore).isEqualTo(1);
        assertThat(answers("commitment-released", "older-request") - releasedBefore).isEqualTo(1);
    }

    @Test
    void a_carried_over_and_then_released_commitment_is_noted_in_the_history_once_each() {
        String id = draft("symposium-carried-over");
        JsonNode request = plan(id);
        budget.publish(BudgetFeed.committed(request, 1));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
        var carriedOver = BudgetFeed.carriedOver(request, "ศธ 04099/1234", true, 2);

        budget.publish(carriedOver);
        budget.publish(carriedOver);
        budget.awaitAllTaken();
        move(id, Map.of("to", "CANCELLED", "reason", "เลื่อนออกไปไม่มีกำหนด"));
        budget.publish(BudgetFeed.released(request, "ยกเลิกกิจกรรม", 3));

        Eventually.await(WAIT, () -> assertThat(view(id).get("history").findValuesAsText("change"))
                .contains("COMMITMENT_RELEASED"));
        JsonNode activity = view(id);
        assertThat(activity.get("history").findValuesAsText("change")).containsExactly("DRAFTED", "FUNDING_REQUESTED",
                "FUNDED", "COMMITMENT_CARRIED_OVER", "CANCELLED", "COMMITMENT_RELEASED");
        JsonNode carried = activity.get("history").get(3);
        assertThat(carried.get("reason").asText())
                .isEqualTo("carried over 21,700.00 baht past fiscal year 2563, with an obligation (ศธ 04099/1234)");
        assertThat(carried.get("recordedBy").asText()).isEqualTo("budget-service");
        assertThat(carried.get("state").asText()).isEqualTo("FUNDED");
        JsonNode released = last(activity.get("history"));
        assertThat(released.get("reason").asText()).isEqualTo("released 21,700.00 baht: ยกเลิกกิจกรรม");
        assertThat(released.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(activity.get("reason").asText()).as("the activity's own reason stays the cancellation's")
                .isEqualTo("เลื่อนออกไปไม่มีกำหนด");
    }

    @Test
    void an_esas_direct_expenditure_is_not_about_an_activity_and_changes_nothing_here() {
        double before = answers("expenditure-recorded", "no-activity");

        budget.publish(new ExpenditureRecorded(UUID.randomUUID().toString(), "P51-1", 2563, 1, 1,
                new BigDecimal("4500.00"), LocalDate.of(2020, 8, 14), null, null, null, null, null,
                "ค่าวัสดุสำนักงาน", "ลป 0123/2563", "officer-P51-1", Instant.now(), 1));
        budget.awaitAllTaken();

        assertThat(answers("expenditure-recorded", "no-activity") - before).isEqualTo(1);
    }

    @Test
    void an_answer_about_an_unknown_activity_a_request_never_made_or_a_cost_never_reported_goes_to_the_dead_letters() {
        String stranger = UUID.randomUUID().toString();
        String funded = funded("symposium-never-reported");
        JsonNode never = TestHttp.parse(TestHttp.json(Map.of("activity", funded, "esa", "P51-1", "fiscalYear", 2563,
                "round", 2, "line", 1, "amount", "21700.00", "actualCost", "21700.00", "request", 1)));
        ObjectNode unknownRequest = never.deepCopy();
        unknownRequest.put("request", 2);
        try (KafkaProbe dlq = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.deadLetterOf("events-service"))) {
            budget.publish(new ExpenditureRefused(stranger, "P51-1", 2563, 2, 1, new BigDecimal("21700.00"),
                    new BigDecimal("22900.00"), 1, ExpenditureRefused.INSUFFICIENT_BALANCE, SHORT, Instant.now(), 2));
            budget.publish(BudgetFeed.refused(unknownRequest, ExpenditureRefused.NOT_COMMITTED, "ไม่มี", 2));
            budget.publish(BudgetFeed.refused(never, ExpenditureRefused.INSUFFICIENT_BALANCE, SHORT, 3));

            ConsumerRecord<String, byte[]> letter = dlq.await(r -> stranger.equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(letter, "dlq-original-topic")).isEqualTo(Topics.BUDGET_V1);
            assertThat(KafkaProbe.header(letter, "dlq-consumer")).isEqualTo(BudgetFeed.GROUP);
            assertThat(KafkaProbe.header(letter, "dlq-error-message")).contains("has no activity " + stranger);
            assertThat(KafkaProbe.header(dlq.await(r -> funded.equals(r.key()), WAIT), "dlq-error-message"))
                    .contains("names a request never made");
            assertThat(KafkaProbe.header(dlq.await(r -> funded.equals(r.key())
                    && !KafkaProbe.header(r, "dlq-error-message").contains("never made"), WAIT), "dlq-error-message"))
                    .contains("is FUNDED", "its cost was never reported");
        }
        assertThat(view(funded).get("funding").has("spending")).isFalse();
    }

    @Test
    void a_cost_is_reported_again_only_when_budget_service_refused_it_and_by_an_officer_of_its_esa() {
        String funded = funded("symposium-not-reported-yet");
        String unanswered = funded("symposium-cost-unanswered");
        report(unanswered, "20000.00");
        TestHttp obec = lamphun.as(TestTokens.admin());
        TestHttp.Response drafted = obec.post("/api/v1/activities",
                TestHttp.json(Activities.buriramWorkshop("workshop-reported-unfunded")));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String unfunded = drafted.json().get("id").asText();
        for (String to : new String[]{"PLANNED", "HELD", "REPORTED"}) {
            assertThat(obec.post("/api/v1/activities/" + unfunded + "/transitions", TestHttp.json(Map.of("to", to)))
                    .status()).isEqualTo(200);
        }
        long outbox = infra.database().queryLong("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response notReported = lamphun.post("/api/v1/activities/" + funded + "/funding/cost/retry", "");
        TestHttp.Response notAnswered = lamphun.post("/api/v1/activities/" + unanswered + "/funding/cost/retry", "");
        TestHttp.Response notFunded = obec.post("/api/v1/activities/" + unfunded + "/funding/cost/retry", "");
        TestHttp.Response foreign = lamphun.as(TestTokens.officer("P31-4"))
                .post("/api/v1/activities/" + unanswered + "/funding/cost/retry", "");
        TestHttp.Response unknown = lamphun.post("/api/v1/activities/" + UUID.randomUUID() + "/funding/cost/retry", "");

        assertThat(notReported.status()).isEqualTo(409);
        assertThat(notReported.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
        assertThat(notReported.json().get("detail").asText()).contains("is FUNDED");
        assertThat(notAnswered.status()).isEqualTo(409);
        assertThat(notAnswered.json().get("errors").get(0).get("field").asText()).isEqualTo("spending");
        assertThat(notAnswered.json().get("detail").asText()).contains("has not answered");
        assertThat(notFunded.status()).isEqualTo(409);
        assertThat(notFunded.json().get("errors").get(0).get("field").asText()).isEqualTo("funding");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(infra.database().queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    private String draft(String ref) {
        TestHttp.Response drafted = lamphun.post("/api/v1/activities", TestHttp.json(Activities.lamphunSymposium(ref)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    /** A Lamphun symposium budget-service committed 21,700.00 baht for (its first request, budget.v1 version 1). */
    private String funded(String ref) {
        String id = draft(ref);
        budget.publish(BudgetFeed.committed(plan(id), 1));
        Eventually.await(WAIT, () -> assertThat(state(id)).isEqualTo("FUNDED"));
        return id;
    }

    /** Plans it and returns the funding request it published. */
    private JsonNode plan(String id) {
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(id, Map.of("to", "PLANNED"));
            return TestHttp.parse(KafkaProbe.value(events.await(r -> (id + "/funding").equals(r.key())
                    && REQUESTED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), WAIT)));
        }
    }

    /** Holds and reports a funded activity with its actual cost; returns the cost report it published. */
    private JsonNode report(String id, String actualCost) {
        move(id, Map.of("to", "HELD"));
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(id, Map.of("to", "REPORTED", "actualCost", actualCost));
            return TestHttp.parse(KafkaProbe.value(events.await(r -> (id + "/funding").equals(r.key())
                    && COST_REPORTED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), WAIT)));
        }
    }

    private void move(String id, Map<String, Object> body) {
        TestHttp.Response moved = lamphun.post("/api/v1/activities/" + id + "/transitions", TestHttp.json(body));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private JsonNode view(String id) {
        TestHttp.Response read = lamphun.get("/api/v1/activities/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private String state(String id) {
        return view(id).get("state").asText();
    }

    private static JsonNode last(JsonNode history) {
        return history.get(history.size() - 1);
    }

    private long audited(String id) {
        return infra.database().queryLong("SELECT count(*) FROM audit.audit_entry WHERE target_type = 'activity' "
                + "AND target_id = '" + id + "' AND command = 'ReportCostAgain'");
    }

    private double answers(String reply, String answer) {
        Counter counter = server.getApplicationContext().getBean(MeterRegistry.class)
                .find("tambon.events.funding.replies").tag("reply", reply).tag("answer", answer).counter();
        return counter == null ? 0 : counter.count();
    }
}
