package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.tambon.importer.BudgetStandIn;
import th.tambon.importer.EventsStandIn;
import th.tambon.importer.StandInGateway;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's two activities loaded through a stand-in events-service that keeps what it is told, beside a stand-in
 * budget-service keeping each activity's funding saga: drafted, driven to their outcome with participation and
 * certificates, the symposium's reported cost spent (or refused, or not yet), a cancelled one's commitment released,
 * waiting for budget-service rather than failing, waiting for the replica to learn a school, and a second import that
 * writes nothing.
 */
class ActivitySectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Patience QUICK = new Patience(Duration.ofSeconds(10), Duration.ofMillis(300),
            Duration.ofMillis(20), Duration.ofMillis(100));
    private static final String WORKSHOP = "p31-4-workshop-2563-07-21";
    private static final String SYMPOSIUM = "p51-1-symposium-2563-09-28";

    private final BudgetStandIn budget = new BudgetStandIn();
    private final EventsStandIn events = new EventsStandIn().sagas(budget);
    private final StandInGateway stand = new StandInGateway().fallback(events, budget);
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        stand.close();
    }

    /** The seed's ESAs and activities (its schools are taken as registered). */
    private static ObjectNode seed() throws Exception {
        try (InputStream in = ActivitySectionTest.class.getResourceAsStream("/scenarios/seed-2563.json")) {
            ObjectNode seed = (ObjectNode) JSON.readTree(in);
            ObjectNode scenario = JSON.createObjectNode().put("format", seed.get("format").asText());
            scenario.set("esas", seed.get("esas"));
            scenario.set("activities", seed.get("activities"));
            return scenario;
        }
    }

    private static ObjectNode activity(ObjectNode scenario, int index) {
        return (ObjectNode) scenario.get("activities").get(index);
    }

    private Summary importing(JsonNode scenario) {
        return importing(scenario, QUICK);
    }

    private Summary importing(JsonNode scenario, Patience patience) {
        Progress noting = (section, total) -> new Progress.Bar() {
            @Override
            public void step() {
            }

            @Override
            public void note(String message) {
                if (message != null) {
                    notes.add(message);
                }
            }

            @Override
            public void close() {
            }
        };
        return new Loader(stand.client(), List.of(new ActivitySection(patience)), noting, 4, false).load(scenario);
    }

    private List<String> writes() {
        return stand.requests().stream().filter(StandInGateway.Request::writes).map(StandInGateway.Request::line)
                .toList();
    }

    @Test
    void the_buriram_workshop_is_drafted_planned_held_its_40_directors_recorded_and_reported() throws Exception {
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(1);

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("activities", Outcome.CREATED)).isEqualTo(1);
        JsonNode workshop = events.activity("P31-4", WORKSHOP);
        assertThat(workshop.get("state").asText()).isEqualTo("REPORTED");
        assertThat(workshop.get("venueSchool").asText()).isEqualTo("31040001");
        assertThat(workshop.at("/participation/byRole/SCHOOL_DIRECTOR").asInt()).isEqualTo(40);
        assertThat(workshop.at("/participation/total").asInt()).isEqualTo(40);
        String id = workshop.get("id").asText();
        assertThat(writes()).containsExactly("POST /api/v1/activities",
                "POST /api/v1/activities/" + id + "/transitions", "POST /api/v1/activities/" + id + "/transitions",
                "PUT /api/v1/activities/" + id + "/participation", "POST /api/v1/activities/" + id + "/transitions");
        assertThat(stand.requests()).filteredOn(r -> r.path().endsWith("/transitions"))
                .extracting(StandInGateway.Request::body)
                .containsExactly("{\"to\":\"PLANNED\"}", "{\"to\":\"HELD\"}", "{\"to\":\"REPORTED\"}");
        assertThat(stand.requests()).filteredOn(r -> r.path().endsWith("/transitions")
                || r.path().endsWith("/participation")).allSatisfy(r -> assertThat(r.ifMatch()).isNotNull());
    }

    @Test
    void a_funded_symposium_budget_service_has_not_answered_waits_for_budget_and_is_not_planned_again()
            throws Exception {
        Summary first = importing(seed());

        assertThat(first.failures()).isEmpty();
        assertThat(first.count("activities", Outcome.CREATED)).isEqualTo(1);
        assertThat(first.count("activities", Outcome.WAITING)).isEqualTo(1);
        assertThat(first.waiting()).containsExactly("$.activities[1] (P51-1/" + SYMPOSIUM + "): created; waiting for "
                + "budget: budget-service has not yet answered its request for 21700.00 baht (fiscal year 2563, "
                + "round 2, line 1); import again later to take it on to REPORTED");
        JsonNode symposium = events.activity("P51-1", SYMPOSIUM);
        assertThat(symposium.get("state").asText()).isEqualTo("FUNDING_REQUESTED");
        assertThat(symposium.get("venue").asText()).as("the file names no place: the ESA's office")
                .isEqualTo("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        int before = stand.requests().size();

        Summary second = importing(seed());

        assertThat(stand.requests().subList(before, stand.requests().size()))
                .as("the second import only reads").noneMatch(StandInGateway.Request::writes);
        assertThat(second.count("activities", Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(second.count("activities", Outcome.WAITING)).isEqualTo(1);
        assertThat(second.waiting()).containsExactly("$.activities[1] (P51-1/" + SYMPOSIUM + "): waiting for budget: "
                + "budget-service has not yet answered its request for 21700.00 baht (fiscal year 2563, round 2, "
                + "line 1); import again later to take it on to REPORTED");
        assertThat(events.activity("P51-1", SYMPOSIUM).get("version").asLong()).isEqualTo(symposium.get("version")
                .asLong());
    }

    @Test
    void once_funded_the_symposium_is_held_with_its_104_participants_its_31_schools_awarded_and_reported_at_its_cost()
            throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);

        Summary summary = importing(seed());

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("activities", Outcome.CREATED)).isEqualTo(2);
        JsonNode symposium = events.activity("P51-1", SYMPOSIUM);
        assertThat(symposium.get("state").asText()).isEqualTo("REPORTED");
        assertThat(symposium.get("actualCost").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(symposium.at("/participation/total").asInt()).isEqualTo(104);
        assertThat(events.certificates("P51-1", SYMPOSIUM)).hasSize(31).contains("51910001", "51910031");
        assertThat(stand.requests()).filteredOn(r -> r.path().endsWith("/transitions"))
                .extracting(StandInGateway.Request::body).contains("{\"to\":\"REPORTED\",\"actualCost\":\"21700.00\"}");
        assertThat(budget.saga(symposium.get("id").asText()).get("state").asText()).isEqualTo("SPENT");
        assertThat(stand.seen()).contains("GET /api/v1/funding-sagas/" + symposium.get("id").asText());
        assertThat(summary.waiting()).isEmpty();
    }

    @Test
    void a_reported_cost_budget_service_spends_a_moment_later_is_waited_for_saying_so_and_the_symposium_is_created()
            throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        budget.spendsAfterReads(2);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("activities", Outcome.CREATED)).isEqualTo(1);
        String id = events.activity("P51-1", SYMPOSIUM).get("id").asText();
        assertThat(stand.seen()).filteredOn(r -> r.equals("GET /api/v1/funding-sagas/" + id)).as("COMMITTED twice, then SPENT")
                .hasSize(3);
        assertThat(notes).contains("waiting for budget-service to record the actual cost of P51-1/" + SYMPOSIUM
                + " as spent (0 s of at most 0.3 s)");
    }

    @Test
    void a_reported_cost_budget_service_refuses_to_spend_fails_the_activity_with_budget_service_s_reason_and_message()
            throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        budget.spending(BudgetStandIn.Spending.REFUSES);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);

        Summary summary = importing(scenario);

        assertThat(summary.failures()).containsExactly("$.activities[0] (P51-1/" + SYMPOSIUM + "): created, then: "
                + "budget-service refused to spend its actual cost of 21700.00 baht (INSUFFICIENT_BALANCE): "
                + "งบประมาณคงเหลือไม่พอ: the cost is more than the commitment and what the line has left; make room "
                + "with a transfer and report the cost again (fiscal year 2563, round 2, line 1)");
        assertThat(events.activity("P51-1", SYMPOSIUM).get("state").asText()).isEqualTo("REPORTED");
    }

    @Test
    void a_reported_cost_budget_service_has_not_spent_yet_waits_for_budget_and_the_next_import_sees_it_spent_writing_nothing()
            throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        budget.spending(BudgetStandIn.Spending.SILENT);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);

        Summary first = importing(scenario);

        assertThat(first.failures()).isEmpty();
        assertThat(first.waiting()).containsExactly("$.activities[0] (P51-1/" + SYMPOSIUM + "): created; waiting for "
                + "budget: budget-service has not yet recorded its actual cost of 21700.00 baht as spent (fiscal year "
                + "2563, round 2, line 1); import again later to see it spent");
        budget.spending(BudgetStandIn.Spending.SPENDS);
        budget.reported(events.activity("P51-1", SYMPOSIUM).get("id").asText(), new java.math.BigDecimal("21700.00"));
        int before = stand.requests().size();

        Summary second = importing(scenario);

        assertThat(second.failures()).isEmpty();
        assertThat(second.waiting()).isEmpty();
        assertThat(second.count("activities", Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(stand.requests().subList(before, stand.requests().size())).noneMatch(StandInGateway.Request::writes);
    }

    @Test
    void a_funded_activity_the_file_cancels_is_cancelled_and_done_once_budget_service_released_its_commitment()
            throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);
        ObjectNode symposium = activity(scenario, 0).put("outcome", "CANCELLED");
        symposium.remove(List.of("participation", "certificates", "actualCost"));
        String id = events.holding(symposium, "FUNDED").get("id").asText();
        assertThat(budget.saga(id).get("state").asText()).isEqualTo("COMMITTED");

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.waiting()).isEmpty();
        assertThat(summary.count("activities", Outcome.UPDATED)).isEqualTo(1);
        assertThat(events.activity("P51-1", SYMPOSIUM).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(budget.saga(id).get("state").asText()).isEqualTo("RELEASED");
    }

    @Test
    void importing_activities_already_at_their_outcome_again_sends_no_write() throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        importing(seed());
        int before = stand.requests().size();

        Summary again = importing(seed());

        assertThat(stand.requests().subList(before, stand.requests().size())).noneMatch(StandInGateway.Request::writes);
        assertThat(again.count("activities", Outcome.UNCHANGED)).isEqualTo(2);
        assertThat(again.failures()).isEmpty();
    }

    @Test
    void an_activity_whose_venue_school_the_replica_learns_late_is_drafted_once_it_knows_it_not_failed()
            throws Exception {
        events.replicaLearnsLate("schools/31040001", 2);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(1);

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("activities", Outcome.CREATED)).isEqualTo(1);
        List<String> seen = stand.seen();
        assertThat(seen.stream().filter(r -> r.equals("GET /api/v1/events/replicas/schools/31040001")))
                .as("404, 404, then 200").hasSize(3);
        assertThat(seen.indexOf("POST /api/v1/activities"))
                .isGreaterThan(seen.lastIndexOf("GET /api/v1/events/replicas/schools/31040001"));
        assertThat(notes).first().asString().startsWith("waiting for events-service's replica to know school 31040001");
    }

    @Test
    void a_school_the_replica_does_not_learn_within_the_wait_fails_the_activity_without_drafting_it() throws Exception {
        events.replicaNeverKnows("schools/31040001");
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(1);

        Summary summary = importing(scenario, new Patience(Duration.ofMillis(300), Duration.ZERO,
                Duration.ofMillis(20), Duration.ofMillis(100)));

        assertThat(summary.failures()).containsExactly("$.activities[0] (P31-4/" + WORKSHOP + "): events-service's "
                + "replica still does not know school 31040001 after 0.3 s (has schools.v1 reached it?); import again "
                + "once it has");
        assertThat(writes()).isEmpty();
    }

    @Test
    void a_refused_funding_fails_with_budget_services_reason_unless_the_file_expects_the_refusal() throws Exception {
        events.budget(EventsStandIn.Budget.REFUSES);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);

        Summary reported = importing(scenario);

        assertThat(reported.failures()).containsExactly("$.activities[0] (P51-1/" + SYMPOSIUM + "): created, then: "
                + "budget-service refused its funding: รายการที่ 1 มียอดคงเหลือไม่พอ; the file's outcome is REPORTED");
        ObjectNode refusal = activity(scenario, 0).put("outcome", "FUNDING_REJECTED");
        refusal.remove(List.of("participation", "certificates", "actualCost"));

        Summary rejected = importing(scenario);

        assertThat(rejected.failures()).isEmpty();
        assertThat(rejected.count("activities", Outcome.UNCHANGED)).isEqualTo(1);
    }

    @Test
    void a_changed_title_is_updated_with_if_match_while_planned_and_refused_naming_the_field_once_reported()
            throws Exception {
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(1);
        ObjectNode planned = activity(scenario, 0).deepCopy().put("outcome", "PLANNED");
        planned.remove("participation");
        events.holding(planned.deepCopy().put("titleTh", "ประชุมเดิม"), "PLANNED");
        scenario.putArray("activities").add(planned);

        Summary updated = importing(scenario);

        assertThat(updated.failures()).isEmpty();
        assertThat(updated.count("activities", Outcome.UPDATED)).isEqualTo(1);
        assertThat(events.activity("P31-4", WORKSHOP).get("titleTh").asText())
                .isEqualTo(planned.get("titleTh").asText());
        assertThat(stand.requests()).filteredOn(StandInGateway.Request::writes).singleElement()
                .satisfies(put -> assertThat(put.line()).startsWith("PUT /api/v1/activities/"))
                .satisfies(put -> assertThat(put.ifMatch()).isEqualTo("\"7\""));

        EventsStandIn reported = new EventsStandIn();
        stand.fallback(reported);
        reported.holding(activity(seed(), 0).put("titleTh", "ประชุมเดิม"), "REPORTED");
        int before = stand.requests().size();

        ObjectNode workshopOnly = seed();
        ((ArrayNode) workshopOnly.get("activities")).remove(1);
        Summary refused = importing(workshopOnly);

        assertThat(refused.failures()).containsExactly("$.activities[0] (P31-4/" + WORKSHOP + "): titleTh is "
                + "\"ประชุมเดิม\" in the registry and \"" + planned.get("titleTh").asText() + "\" in the file; an "
                + "activity that is REPORTED cannot be changed");
        assertThat(stand.requests().subList(before, stand.requests().size())).noneMatch(StandInGateway.Request::writes);
    }

    @Test
    void only_the_schools_without_a_certificate_are_awarded_one() throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);
        events.holding(activity(scenario, 0), "HELD");
        ((ArrayNode) activity(scenario, 0).get("certificates")).addObject().put("school", "51910032");

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("activities", Outcome.UPDATED)).isEqualTo(1);
        assertThat(writes()).filteredOn(w -> w.endsWith("/certificates")).hasSize(1);
        assertThat(stand.requests()).filteredOn(r -> r.path().endsWith("/certificates") && r.writes())
                .extracting(StandInGateway.Request::body).containsExactly("{\"school\":\"51910032\"}");
        assertThat(events.activity("P51-1", SYMPOSIUM).get("state").asText()).isEqualTo("REPORTED");
    }

    @Test
    void a_school_whose_certificate_was_revoked_fails_the_activity_naming_it_instead_of_counting_as_awarded()
            throws Exception {
        events.budget(EventsStandIn.Budget.FUNDS);
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(0);
        ObjectNode held = events.holding(activity(scenario, 0), "HELD");
        events.revoke(held, "51910001");

        Summary summary = importing(scenario);

        assertThat(summary.count("activities", Outcome.FAILED)).isEqualTo(1);
        assertThat(summary.failures().toString()).contains("51910001", "revoked");
        assertThat(stand.requests()).noneMatch(r -> r.path().endsWith("/certificates") && r.writes());
    }

    @Test
    void an_activity_to_be_held_is_held_with_its_participation_recorded_and_left_unreported() throws Exception {
        ObjectNode scenario = seed();
        ((ArrayNode) scenario.get("activities")).remove(1);
        activity(scenario, 0).put("outcome", "HELD");

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        JsonNode workshop = events.activity("P31-4", WORKSHOP);
        assertThat(workshop.get("state").asText()).isEqualTo("HELD");
        assertThat(workshop.at("/participation/byRole/SCHOOL_DIRECTOR").asInt()).isEqualTo(40);
    }

    @Test
    void an_activity_to_be_cancelled_is_cancelled_as_a_draft_without_asking_for_funding_with_the_file_s_reason_or_the_import_s()
            throws Exception {
        ObjectNode scenario = seed();
        ObjectNode workshop = activity(scenario, 0).put("outcome", "CANCELLED")
                .put("reason", "เลื่อนออกไปเนื่องจากสถานการณ์ COVID-19");
        ObjectNode symposium = activity(scenario, 1).put("outcome", "CANCELLED");
        for (ObjectNode cancelled : List.of(workshop, symposium)) {
            cancelled.remove(List.of("participation", "certificates", "actualCost"));
        }

        Summary summary = importing(scenario);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("activities", Outcome.CREATED)).isEqualTo(2);
        assertThat(events.activity("P31-4", WORKSHOP).get("reason").asText())
                .isEqualTo("เลื่อนออกไปเนื่องจากสถานการณ์ COVID-19");
        JsonNode cancelled = events.activity("P51-1", SYMPOSIUM);
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("ยกเลิกตามแผนนำเข้า");
        assertThat(stand.requests()).filteredOn(r -> r.path().endsWith("/transitions"))
                .extracting(StandInGateway.Request::body).containsOnly(
                        "{\"to\":\"CANCELLED\",\"reason\":\"เลื่อนออกไปเนื่องจากสถานการณ์ COVID-19\"}",
                        "{\"to\":\"CANCELLED\",\"reason\":\"ยกเลิกตามแผนนำเข้า\"}");
    }
}
