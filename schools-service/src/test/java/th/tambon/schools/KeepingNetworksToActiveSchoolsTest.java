package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventType;
import th.tambon.messaging.codec.ContractSchemas;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ESA's network holds its active quality schools only: a school whose designation stops being ACTIVE leaves the
 * network in the same transaction (announced and audited as a network change), a withdrawn chair leaves the network
 * without a chair until one is set, and a network being set and a withdrawal racing it are taken one after the other;
 * neither deadlocks with a plan drafted for the school meanwhile (which locks the school, then refers to the ESA).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepingNetworksToActiveSchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    private static final String CHAIR = "ดร.จำปา จันทะสอน";

    private EmbeddedServer server;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_withdrawn_member_leaves_its_esas_network_in_the_same_transaction_announced_and_audited() throws Exception {
        esaWithActiveSchools(1, "36010001", "36010002", "36010003");
        ok(obec.put(network("P36-1"), body("36010001", "36010001", "36010002", "36010003")));
        long esaVersion = obec.get("/api/v1/esas/P36-1").json().get("version").asLong();

        ok(withdraw("36010002"));

        JsonNode network = obec.get(network("P36-1")).json();
        assertThat(network.get("members").findValuesAsText("code")).containsExactly("36010001", "36010003");
        assertThat(network.get("chairSchool").asText()).isEqualTo("36010001");
        JsonNode event = lastNetworkEvent("P36-1");
        assertThat(new ContractSchemas().violations(EventType.NETWORK_CHANGED, event)).isEmpty();
        assertThat(texts(event.get("membersRemoved"))).containsExactly("36010002");
        assertThat(texts(event.get("members"))).containsExactly("36010001", "36010003");
        assertThat(event.get("chairChanged").asBoolean()).isFalse();
        assertThat(event.get("version").asLong()).isEqualTo(esaVersion + 1)
                .isEqualTo(obec.get("/api/v1/esas/P36-1").json().get("version").asLong());
        JsonNode audit = obec.get("/api/v1/audit?target=P36-1").json().get("items").get(0);
        assertThat(audit.get("command").asText()).isEqualTo("RemoveFromNetwork");
        assertThat(audit.get("change").get("membersRemoved").get(0).asText()).isEqualTo("36010002");
    }

    @Test
    void a_withdrawn_chair_leaves_the_network_visibly_without_a_chair_until_a_put_sets_one() throws Exception {
        esaWithActiveSchools(2, "36020001", "36020002");
        ok(obec.put(network("P36-2"), body("36020001", "36020001", "36020002")));

        ok(withdraw("36020001"));

        JsonNode chairless = obec.get(network("P36-2")).json();
        assertThat(chairless.get("chairSchool").isNull()).as(chairless.toString()).isTrue();
        assertThat(chairless.get("chairPerson").isNull()).isTrue();
        assertThat(chairless.get("members").findValuesAsText("code")).containsExactly("36020002");
        JsonNode ended = chairless.get("chairs").get(0);
        assertThat(ended.get("chairSchool").asText()).isEqualTo("36020001");
        assertThat(ended.get("until").isNull()).as("the chair's end is recorded").isFalse();
        JsonNode event = lastNetworkEvent("P36-2");
        assertThat(new ContractSchemas().violations(EventType.NETWORK_CHANGED, event)).isEmpty();
        assertThat(event.path("chairSchool").isMissingNode() || event.get("chairSchool").isNull())
                .as("no chair in " + event).isTrue();
        assertThat(event.get("chairChanged").asBoolean()).isTrue();
        assertThat(event.get("previousChairSchool").asText()).isEqualTo("36020001");

        ok(obec.put(network("P36-2"), body("36020002", "36020002")));

        JsonNode chaired = obec.get(network("P36-2")).json();
        assertThat(chaired.get("chairSchool").asText()).isEqualTo("36020002");
        assertThat(chaired.get("chairs").findValuesAsText("chairSchool")).containsExactly("36020001", "36020002");
        assertThat(chaired.get("chairs").get(1).get("until").isNull()).isTrue();
    }

    @Test
    void a_network_sent_again_as_it_is_changes_nothing_before_anything_is_checked() throws Exception {
        esaWithActiveSchools(3, "36030001", "36030002");
        ok(withdraw("36030002"));
        ok(obec.put(network("P36-3"), body("36030001", "36030001")));
        // a member withdrawn before networks were kept to active schools
        execute("INSERT INTO network_member (id, esa, school, joined_at) VALUES (gen_random_uuid(), 'P36-3', '36030002', now())");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response same = obec.put(network("P36-3"), body("36030001", "36030002", "36030001"));

        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void setting_the_network_waits_for_a_member_school_that_is_being_changed_and_judges_it_as_it_then_is()
            throws Exception {
        esaWithActiveSchools(5, "36050001", "36050002");
        TestHttp.Response put;
        try (Connection held = infra.database().connect()) {
            held.setAutoCommit(false);
            execute(held, "SELECT code FROM school WHERE code = '36050002' FOR NO KEY UPDATE");
            CompletableFuture<TestHttp.Response> setting = CompletableFuture.supplyAsync(
                    () -> obec.put(network("P36-5"), body("36050001", "36050001", "36050002")));

            awaitBlockedBy(held);
            execute(held, "UPDATE school SET quality_status = 'WITHDRAWN', version = version + 1 WHERE code = '36050002'");
            held.commit();
            put = setting.get(30, TimeUnit.SECONDS);
        }

        assertThat(put.status()).as(put.body()).isEqualTo(422);
        assertThat(put.json().get("errors").get(0).get("field").asText()).isEqualTo("members[1]");
        assertThat(put.json().get("errors").get(0).get("message").asText()).contains("not an active quality school");
        assertThat(obec.get(network("P36-5")).status()).isEqualTo(404);
    }

    @Test
    void a_withdrawal_waits_for_a_network_being_set_and_takes_the_school_out_of_what_was_set() throws Exception {
        esaWithActiveSchools(6, "36060001", "36060002");
        ok(obec.put(network("P36-6"), body("36060001", "36060001")));
        TestHttp.Response withdrawn;
        try (Connection held = infra.database().connect()) {
            held.setAutoCommit(false);
            // what a network PUT holds while it adds 36060002
            execute(held, "SELECT code FROM esa WHERE code = 'P36-6' FOR NO KEY UPDATE");
            CompletableFuture<TestHttp.Response> withdrawing = CompletableFuture.supplyAsync(() -> withdraw("36060002"));

            awaitBlockedBy(held);
            execute(held, "INSERT INTO network_member (id, esa, school, joined_at) "
                    + "VALUES (gen_random_uuid(), 'P36-6', '36060002', now())");
            held.commit();
            withdrawn = withdrawing.get(30, TimeUnit.SECONDS);
        }

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(obec.get(network("P36-6")).json().get("members").findValuesAsText("code")).containsExactly("36060001");
    }

    @Test
    void a_withdrawal_and_a_plan_drafted_for_the_school_meanwhile_both_go_through_without_a_deadlock() throws Exception {
        esaWithActiveSchools(7, "36070001");
        TestHttp.Response withdrawn;
        try (Connection held = infra.database().connect()) {
            held.setAutoCommit(false);
            // what a draft of 36070001's plan holds before it inserts the plan, whose foreign keys share the ESA's row
            execute(held, "SELECT code FROM school WHERE code = '36070001' FOR NO KEY UPDATE");
            CompletableFuture<TestHttp.Response> withdrawing = CompletableFuture.supplyAsync(() -> withdraw("36070001"));

            awaitBlockedBy(held);
            execute(held, planOf("36070001", "P36-7"));
            held.commit();
            withdrawn = withdrawing.get(30, TimeUnit.SECONDS);
        }

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM development_plan WHERE school = '36070001'")).isEqualTo(1);
    }

    @Test
    void a_network_being_set_and_a_plan_drafted_for_a_member_meanwhile_both_go_through_without_a_deadlock()
            throws Exception {
        esaWithActiveSchools(8, "36080001", "36080002");
        TestHttp.Response put;
        try (Connection held = infra.database().connect()) {
            held.setAutoCommit(false);
            execute(held, "SELECT code FROM school WHERE code = '36080002' FOR NO KEY UPDATE");
            CompletableFuture<TestHttp.Response> setting = CompletableFuture.supplyAsync(
                    () -> obec.put(network("P36-8"), body("36080001", "36080001", "36080002")));

            awaitBlockedBy(held);
            execute(held, planOf("36080002", "P36-8"));
            held.commit();
            put = setting.get(30, TimeUnit.SECONDS);
        }

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(obec.get(network("P36-8")).json().get("members").findValuesAsText("code"))
                .containsExactly("36080001", "36080002");
        assertThat(count("SELECT count(*) FROM development_plan WHERE school = '36080002'")).isEqualTo(1);
    }

    @Test
    void every_designation_step_holds_the_schools_esa_before_the_school_as_a_withdrawal_does() throws Exception {
        ok(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("36", 9))));
        ok(obec.post("/api/v1/schools", TestHttp.json(Fixtures.school("36090001", "P36-9", "369001"))));
        String id = ok(obec.post("/api/v1/schools/36090001/designations",
                TestHttp.json(Map.of("on", "2019-05-15", "reason", "เสนอชื่อ")))).json().get("id").asText();
        TestHttp.Response designated;
        try (Connection held = infra.database().connect()) {
            held.setAutoCommit(false);
            execute(held, "SELECT code FROM esa WHERE code = 'P36-9' FOR NO KEY UPDATE");
            CompletableFuture<TestHttp.Response> designating = CompletableFuture.supplyAsync(() -> obec.post(
                    "/api/v1/schools/36090001/designations/" + id + "/steps",
                    TestHttp.json(Map.of("status", "DESIGNATED", "on", "2019-06-01"))));

            awaitBlockedBy(held);
            // it waits for the ESA holding nothing of the school yet: NOWAIT fails at once if the school is locked
            execute(held, "SELECT code FROM school WHERE code = '36090001' FOR NO KEY UPDATE NOWAIT");
            held.commit();
            designated = designating.get(30, TimeUnit.SECONDS);
        }

        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
    }

    @Test
    void a_withdrawal_appends_and_audits_the_designation_change_before_the_network_change_it_causes() throws Exception {
        esaWithActiveSchools(10, "36100001", "36100002");
        ok(obec.put(network("P36-10"), body("36100001", "36100001", "36100002")));

        ok(withdraw("36100002"));

        assertThat(texts("SELECT event_type FROM messaging.outbox_message WHERE message_key IN ('36100002', 'P36-10') "
                + "ORDER BY id DESC LIMIT 2")).containsExactly("th.tambon.network.changed.v1",
                "th.tambon.school.designation-changed.v1");
        assertThat(texts("SELECT command FROM audit.audit_entry WHERE target_id IN ('36100002', 'P36-10') "
                + "ORDER BY id DESC LIMIT 2")).containsExactly("RemoveFromNetwork", "WithdrawQualitySchool");
    }

    @Test
    void the_schools_a_network_locks_are_those_of_exactly_the_codes_it_lists() {
        ok(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("36", 11))));
        ok(obec.post("/api/v1/schools", TestHttp.json(Fixtures.school("36110001", "P36-11", "369911"))));
        SchoolRepository schools = server.getApplicationContext().getBean(SchoolRepository.class);
        TransactionOperations<?> transactions = server.getApplicationContext().getBean(TransactionOperations.class);

        List<School> cutToFit = transactions.executeWrite(status -> schools.findAllForChange(List.of("361100011")));
        List<School> exact = transactions.executeWrite(status -> schools.findAllForChange(List.of("36110001")));

        assertThat(cutToFit).as("a code is not cut to fit").isEmpty();
        assertThat(exact).extracting(School::code).containsExactly("36110001");
    }

    private static List<String> texts(String sql) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    /** The row a draft of the school's plan inserts: its foreign keys take a key-share lock on the school and the ESA. */
    private static String planOf(String school, String esa) {
        return "INSERT INTO development_plan (id, school, esa, academic_year, status, created_at, updated_at, version) "
                + "VALUES (gen_random_uuid(), '" + school + "', '" + esa + "', 2569, 'DRAFT', now(), now(), 1)";
    }

    private void esaWithActiveSchools(int zone, String... schools) {
        ok(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("36", zone))));
        for (String code : schools) {
            ok(obec.post("/api/v1/schools", TestHttp.json(Fixtures.school(code, "P36-" + zone,
                    "36" + code.charAt(3) + code.substring(5)))));
            ok(obec.post("/api/v1/schools/" + code + "/designations/in-force",
                    TestHttp.json(Map.of("designatedOn", "2019-06-01"))));
        }
    }

    private TestHttp.Response withdraw(String school) {
        String id = obec.get("/api/v1/schools/" + school + "/designations").json().get(0).get("id").asText();
        return obec.post("/api/v1/schools/" + school + "/designations/" + id + "/steps", TestHttp.json(Map.of(
                "status", "WITHDRAWN", "on", "2020-10-15", "reason", "ควบรวมกับโรงเรียนข้างเคียง")));
    }

    private static String network(String esa) {
        return "/api/v1/esas/" + esa + "/network";
    }

    private static String body(String chair, String... members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chairSchool", chair);
        body.put("chairPerson", CHAIR);
        body.put("members", List.of(members));
        return TestHttp.json(body);
    }

    private static TestHttp.Response ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode lastNetworkEvent(String esa) throws Exception {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payload FROM messaging.outbox_message WHERE message_key = '"
                     + esa + "' AND event_type = 'th.tambon.network.changed.v1' ORDER BY id DESC LIMIT 1")) {
            assertThat(rows.next()).as("a network event of " + esa).isTrue();
            return new ObjectMapper().readTree(rows.getString(1));
        }
    }

    /** Waits until another session waits for a lock {@code held} holds: the request under test has reached it. */
    private static void awaitBlockedBy(Connection held) throws SQLException {
        long pid;
        try (Statement statement = held.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getLong(1);
        }
        Eventually.await(Duration.ofSeconds(15), () -> assertThat(count(
                "SELECT count(*) FROM pg_stat_activity WHERE " + pid + " = ANY(pg_blocking_pids(pid))"))
                .as("a request waiting for the lock the test holds").isPositive());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = infra.database().connect()) {
            execute(connection, sql);
        }
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
