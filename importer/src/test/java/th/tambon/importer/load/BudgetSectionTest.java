package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The seed's allocation rounds recorded through a stand-in budget-service: once its replica knows the ESA, each round
 * by its natural key, a second import that writes nothing, other figures in the registry failing the round (and the
 * activity funded from it not tried), a dry run that only reads.
 */
class BudgetSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Patience QUICK = new Patience(Duration.ofSeconds(10), Duration.ofMillis(300),
            Duration.ofMillis(20), Duration.ofMillis(100));
    private static final String ROUND_1 = "/api/v1/fiscal-years/2563/esas/P51-1/rounds/1";
    private static final String ROUND_2 = "/api/v1/fiscal-years/2563/esas/P51-1/rounds/2";

    private final BudgetStandIn budget = new BudgetStandIn();
    private final EventsStandIn events = new EventsStandIn().sagas(budget);
    private final StandInGateway stand = new StandInGateway().fallback(events, budget);
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        stand.close();
    }

    /** The seed's ESAs, budget and activities (its schools are taken as registered). */
    private static ObjectNode seed() throws Exception {
        try (InputStream in = BudgetSectionTest.class.getResourceAsStream("/scenarios/seed-2563.json")) {
            ObjectNode seed = (ObjectNode) JSON.readTree(in);
            ObjectNode scenario = JSON.createObjectNode().put("format", seed.get("format").asText());
            scenario.set("esas", seed.get("esas"));
            scenario.set("budget", seed.get("budget"));
            scenario.set("activities", seed.get("activities"));
            return scenario;
        }
    }

    private Summary importing(JsonNode scenario, boolean dryRun, Section... sections) {
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
        return new Loader(stand.client(), List.of(sections), noting, 4, dryRun).load(scenario);
    }

    private Summary importing(JsonNode scenario) {
        return importing(scenario, false, new BudgetSection(QUICK));
    }

    private List<String> writes() {
        return stand.requests().stream().filter(StandInGateway.Request::writes).map(StandInGateway.Request::line)
                .toList();
    }

    @Test
    void the_lamphun_rounds_are_recorded_once_budget_service_s_replica_knows_p51_1_and_a_second_import_writes_nothing()
            throws Exception {
        budget.replicaLearnsLate("esas/P51-1", 2);

        Summary first = importing(seed());

        assertThat(first.failures()).isEmpty();
        assertThat(first.count("budget", Outcome.CREATED)).isEqualTo(2);
        assertThat(writes()).containsExactlyInAnyOrder("PUT " + ROUND_1, "PUT " + ROUND_2);
        assertThat(stand.seen().lastIndexOf("GET /api/v1/budget/replicas/esas/P51-1"))
                .isLessThan(Math.min(stand.seen().indexOf("PUT " + ROUND_1), stand.seen().indexOf("PUT " + ROUND_2)));
        assertThat(notes).first().asString().startsWith("waiting for budget-service's replica to know ESA P51-1");
        assertThat(stand.requests()).filteredOn(r -> r.line().equals("PUT " + ROUND_2)).singleElement()
                .satisfies(put -> assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("""
                        {"amount": "21700.00", "lines": [{"line": 1, "category": "OPERATING",
                         "purposeTh": "ค่าใช้จ่ายในการจัดกิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563",
                         "amount": "21700.00"}]}""")));
        assertThat(budget.round("P51-1", 2563, 1).get("allocated").decimalValue()).isEqualByComparingTo("197000.00");
        int before = stand.requests().size();

        Summary second = importing(seed());

        assertThat(second.count("budget", Outcome.UNCHANGED)).isEqualTo(2);
        assertThat(stand.requests().subList(before, stand.requests().size())).noneMatch(StandInGateway.Request::writes);
    }

    @Test
    void a_round_the_registry_holds_with_other_figures_fails_naming_each_and_the_activity_funded_from_it_is_not_tried()
            throws Exception {
        ObjectNode other = seed().get("budget").get(1).deepCopy();
        other.put("amount", "20000.00");
        ((ObjectNode) other.get("lines").get(0)).put("amount", "20000.00").put("category", "SUBSIDY");
        budget.holding(other);
        events.budget(EventsStandIn.Budget.FUNDS);

        Summary summary = importing(seed(), false, new BudgetSection(QUICK), new ActivitySection(QUICK));

        assertThat(summary.failures()).containsExactly("$.budget[1] (P51-1/2563/2): round 2 of P51-1 in fiscal year "
                        + "2563 is recorded with other figures: amount is 20000.00 in the registry and 21700.00 in the "
                        + "file; line 1's category is \"SUBSIDY\" in the registry and \"OPERATING\" in the file; line 1's "
                        + "amount is 20000.00 in the registry and 21700.00 in the file; a round changes only by a "
                        + "revision, not by an import",
                "$.activities[1] (P51-1/p51-1-symposium-2563-09-28): not tried: budget P51-1/2563/2 failed");
        assertThat(writes()).doesNotContain("PUT " + ROUND_2).contains("PUT " + ROUND_1);
        assertThat(events.activity("P51-1", "p51-1-symposium-2563-09-28")).isNull();
    }

    @Test
    void a_round_recorded_meanwhile_with_other_figures_fails_with_budget_service_s_detail() throws Exception {
        stand.on("PUT " + ROUND_1, 409, "{\"status\":409,\"detail\":\"round 1 of P51-1 in fiscal year 2563 is "
                + "recorded already with other figures; a round changes only by a revision\"}");

        Summary summary = importing(seed());

        assertThat(summary.failures()).containsExactly("$.budget[0] (P51-1/2563/1): 409 round 1 of P51-1 in fiscal "
                + "year 2563 is recorded already with other figures; a round changes only by a revision");
        assertThat(summary.count("budget", Outcome.CREATED)).isEqualTo(1);
    }

    @Test
    void an_esa_budget_service_s_replica_does_not_learn_within_the_wait_fails_the_round_without_a_put()
            throws Exception {
        budget.replicaNeverKnows("esas/P51-1");

        Summary summary = importing(seed(), false, new BudgetSection(new Patience(Duration.ofMillis(300),
                Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(100))));

        assertThat(summary.failures()).containsExactly(
                "$.budget[0] (P51-1/2563/1): budget-service's replica still does not know ESA P51-1 after 0.3 s (has "
                        + "schools.v1 reached it?); import again once it has",
                "$.budget[1] (P51-1/2563/2): budget-service's replica still does not know ESA P51-1 after 0.3 s (has "
                        + "schools.v1 reached it?); import again once it has");
        assertThat(writes()).isEmpty();
    }

    @Test
    void a_dry_run_reads_the_rounds_and_writes_nothing() throws Exception {
        budget.holding(seed().get("budget").get(0));

        Summary summary = importing(seed(), true, new BudgetSection(QUICK));

        assertThat(summary.count("budget", Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(summary.count("budget", Outcome.CREATED)).isEqualTo(1);
        assertThat(writes()).isEmpty();
    }
}
