package th.tambon.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.Infrastructure;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.ConsumerGroups;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding saga survives SIGKILL at its most delicate steps (docs/decisions/0020): budget-service killed with a
 * request's commitment and answer written but not committed, and killed right after committing them (the request's
 * offset not committed); events-service the same around taking the answer. Each time the service is restarted without
 * the crash point, and the activity ends FUNDED with exactly one commitment, one COMMITTED ledger entry and one FUNDED
 * step, and the line has committed exactly the estimates of the activities so far. The four processes run from their
 * jars (schools-service for the ESA and the academic calendar; no gateway), on the testkit's broker and databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurvivingCrashesIT {
    private static final Logger LOG = LoggerFactory.getLogger(SurvivingCrashesIT.class);
    private static final Duration START = Duration.ofSeconds(120);
    /** A killed consumer's partitions wait for its session to expire (45 s by default) before the new one gets them. */
    private static final Duration SETTLE = Duration.ofSeconds(180);
    /** Between two looks at a slow outcome: the services restarting share two cores with the test. */
    private static final long POLL_MILLIS = 250;
    private static final String EVENTS = "events-service";
    private static final String BUDGET = "budget-service";
    private static final String ROUND = "/api/v1/fiscal-years/2563/esas/P51-1/rounds/2";

    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private String kafka;
    private BigDecimal committedSoFar = BigDecimal.ZERO;

    @BeforeAll
    void start() {
        kafka = Infrastructure.kafkaBootstrapServers();
        for (String module : List.of("schools-service", EVENTS, BUDGET)) {
            databases.put(module, TestDatabase.create("crashes-" + module));
            processes.put(module, ServiceProcess.startService(module, databases.get(module), kafka));
        }
        processes.values().forEach(p -> p.awaitReady(START));

        TestHttp schools = new TestHttp(processes.get("schools-service").url()).as(TestTokens.admin());
        TestHttp.Response esa = schools.post("/api/v1/esas", TestHttp.json(Map.of(
                "code", "P51-1", "kind", "PRIMARY", "zone", 1, "provinceCode", "51", "province", "ลำพูน",
                "nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1",
                "nameEn", "Lamphun Primary Educational Service Area Office 1")));
        assertThat(esa.status()).as(esa.body()).isEqualTo(201);
        for (String module : List.of(EVENTS, BUDGET)) {
            TestHttp replica = new TestHttp(processes.get(module).url()).as(TestTokens.viewer());
            Eventually.await(Duration.ofSeconds(60), () ->
                    assertThat(replica.get("/api/v1/replicas/esas/P51-1").status()).as(module).isEqualTo(200));
        }
        TestHttp.Response round = budget().put(ROUND, TestHttp.json(Map.of("amount", "21700.00",
                "lines", List.of(Map.of("line", 1, "category", "OPERATING",
                        "purposeTh", "ค่าใช้จ่ายในการจัดกิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563",
                        "amount", "21700.00")))));
        assertThat(round.status()).as(round.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        processes.values().forEach(ServiceProcess::close);
        databases.values().forEach(TestDatabase::close);
    }

    @Test
    @Order(1)
    void budget_service_killed_with_its_commitment_and_answer_written_but_not_committed_commits_once_after_restart() {
        survives(BUDGET, "budget.saga.before-commit", "100.00");
    }

    @Test
    @Order(2)
    void budget_service_killed_right_after_committing_before_the_request_is_acknowledged_commits_nothing_more() {
        survives(BUDGET, "budget.saga.after-commit", "200.00");
    }

    @Test
    @Order(3)
    void events_service_killed_while_taking_the_answer_before_its_commit_takes_it_after_restart() {
        survives(EVENTS, "events.reply.before-commit", "300.00");
    }

    @Test
    @Order(4)
    void events_service_killed_right_after_taking_the_answer_before_it_is_acknowledged_takes_it_once() {
        survives(EVENTS, "events.reply.after-commit", "400.00");
    }

    /**
     * Restarts {@code module} with the crash point, plans a funded activity, kills the module with SIGKILL once it
     * says it stopped there, restarts it without, and checks what the saga made of it.
     */
    private void survives(String module, String point, String estimate) {
        ServiceProcess crashing = restart(module, module + "-" + point, Map.of("TAMBON_CRASH_POINT", point));
        String activity = planFunded("crash-" + point.replace('.', '-'), estimate);
        committedSoFar = committedSoFar.add(new BigDecimal(estimate));

        crashing.awaitLogged("crash point " + point + " reached: waiting to be killed", SETTLE);
        assertThat(crashing.kill()).as("killed by SIGKILL").isEqualTo(137);
        LOG.info("{} killed at {} while activity {} waits for its funding", module, point, activity);
        processes.remove(module);
        restart(module, module + "-after-" + point, Map.of());

        Eventually.await(SETTLE, () -> {
            Thread.sleep(POLL_MILLIS);
            assertThat(events().get("/api/v1/activities/" + activity).json().get("state").asText())
                    .isEqualTo("FUNDED");
        });
        // the restarted service has consumed what was redelivered to it: any second commitment would be there now
        awaitConsumed(BUDGET + ".funding-requests", "events.v1");
        awaitConsumed(EVENTS + ".funding-replies", "budget.v1");

        TestDatabase budgetDb = databases.get(BUDGET);
        assertThat(budgetDb.queryLong("SELECT count(*) FROM commitment WHERE activity = '" + activity + "'"))
                .as("commitments of " + activity).isEqualTo(1);
        assertThat(budgetDb.queryLong("SELECT count(*) FROM ledger_entry WHERE activity = '" + activity
                + "' AND kind = 'COMMITTED'")).as("COMMITTED ledger entries of " + activity).isEqualTo(1);
        assertThat(budgetDb.queryLong("SELECT count(*) FROM funding_answer WHERE activity = '" + activity + "'"))
                .as("answers to " + activity).isEqualTo(1);
        JsonNode read = events().get("/api/v1/activities/" + activity).json();
        assertThat(read.get("history").findValuesAsText("state").stream().filter("FUNDED"::equals))
                .as("FUNDED steps in " + read.get("history")).hasSize(1);
        JsonNode line = budget().get(ROUND).json().get("lines").get(0);
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo(committedSoFar);
        assertThat(line.get("remaining").decimalValue())
                .isEqualByComparingTo(new BigDecimal("21700.00").subtract(committedSoFar));
    }

    /** Drafts an activity of P51-1 on round 2, line 1 of FY2563 and plans it: it asks budget-service. */
    private String planFunded(String ref, String estimate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esa", "P51-1");
        body.put("ref", ref);
        body.put("type", "SYMPOSIUM");
        body.put("titleTh", "กิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563");
        body.put("tracks", List.of("INNOVATION"));
        body.put("venue", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        body.put("start", "2020-09-28T08:30:00+07:00");
        body.put("end", "2020-09-28T16:30:00+07:00");
        body.put("agenda", List.of("นำเสนอผลงานนวัตกรรม"));
        body.put("funding", Map.of("fiscalYear", 2563, "round", 2, "line", 1, "estimate", estimate));
        TestHttp officer = events();
        // 503 until the academic calendar has come from schools-service
        TestHttp.Response drafted = Eventually.awaitValue(Duration.ofSeconds(60), () -> {
            TestHttp.Response response = officer.post("/api/v1/activities", TestHttp.json(body));
            return response.status() == 503 ? Optional.empty() : Optional.of(response);
        });
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        TestHttp.Response planned = officer.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "PLANNED")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        assertThat(planned.json().get("state").asText()).isEqualTo("FUNDING_REQUESTED");
        return id;
    }

    /** Stops {@code module} (gracefully) if it runs and starts it again from its jar, logging to {@code logName}. */
    private ServiceProcess restart(String module, String logName, Map<String, String> env) {
        ServiceProcess running = processes.remove(module);
        if (running != null) {
            running.close();
        }
        ServiceProcess started = ServiceProcess.startService(module, logName, databases.get(module), kafka, env);
        processes.put(module, started);
        started.awaitReady(START);
        return started;
    }

    /** Waits until consumer group {@code group} has committed offsets at the end of every partition of {@code topic}. */
    private void awaitConsumed(String group, String topic) {
        ConsumerGroups.awaitCaughtUp(kafka, group, topic, SETTLE);
    }

    private TestHttp events() {
        return new TestHttp(processes.get(EVENTS).url()).as(TestTokens.officer("P51-1"));
    }

    private TestHttp budget() {
        return new TestHttp(processes.get(BUDGET).url()).as(TestTokens.admin());
    }
}
