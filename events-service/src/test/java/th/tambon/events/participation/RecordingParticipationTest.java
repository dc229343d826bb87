package th.tambon.events.participation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.events.Activities;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who took part in a held activity: recorded through events-service's HTTP API, announced on events.v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingParticipationTest {
    private static final String RECORDED = "th.tambon.activity.participation-recorded.v1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp lamphun;

    @BeforeAll
    void start() {
        server = infra.startService();
        SchoolsFeed feed = new SchoolsFeed(infra.kafkaBootstrapServers(), server);
        feed.seedBuriramAndLamphun();
        feed.school("51910002", "โรงเรียนบ้านป่าซาง", "P51-1", "ลำพูน", "510102");
        TestHttp admin = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        th.tambon.testkit.Eventually.await(Duration.ofSeconds(30), () ->
                assertThat(admin.get("/api/v1/replicas/schools/51910002").status()).isEqualTo(200));
        lamphun = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P51-1"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_lamphun_symposiums_104_participants_are_recorded_shown_in_the_activity_and_announced_with_its_next_version() {
        String id = held("symposium-participation");
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response recorded = lamphun.put("/api/v1/activities/" + id + "/participation", TestHttp.json(
                    Map.of("byRole", symposiumRoles(), "total", 104, "schools", List.of("51910002", "51910001"))));

            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
            assertThat(recorded.header("ETag")).isEqualTo("\"4\"");
            JsonNode activity = lamphun.get("/api/v1/activities/" + id).json();
            assertThat(activity.get("version").asLong()).isEqualTo(4);
            JsonNode participation = activity.get("participation");
            assertThat(participation.get("total").asInt()).isEqualTo(104);
            assertThat(participation.get("byRole").toString()).isEqualTo("{\"SCHOOL_DIRECTOR\":31,\"TEACHER\":40,"
                    + "\"SUPERVISOR\":6,\"STAFF\":8,\"STUDENT\":12,\"COMMITTEE\":7,\"OTHER\":0}");
            assertThat(participation.get("schools").toString()).isEqualTo("[\"51910001\",\"51910002\"]");
            assertThat(activity.get("history").findValuesAsText("change")).containsExactly("DRAFTED", "PLANNED", "HELD",
                    "PARTICIPATION_RECORDED");
            ConsumerRecord<String, byte[]> event = events.await(r -> id.equals(r.key())
                    && RECORDED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
            JsonNode data = TestHttp.parse(KafkaProbe.value(event));
            assertThat(data.get("version").asLong()).isEqualTo(4);
            assertThat(data.get("total").asInt()).isEqualTo(104);
            assertThat(data.get("byRole").get("OTHER").asInt()).isZero();
        }
    }

    @Test
    void the_same_participation_again_changes_nothing_and_a_new_one_replaces_it() {
        String id = held("symposium-again");
        Map<String, Object> body = Map.of("byRole", Map.of("TEACHER", 5, "STUDENT", 20));
        assertThat(lamphun.put("/api/v1/activities/" + id + "/participation", TestHttp.json(body)).status())
                .isEqualTo(200);
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response again = lamphun.put("/api/v1/activities/" + id + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("STUDENT", 20, "TEACHER", 5, "OTHER", 0), "total", 25)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"4\"");
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);

        TestHttp.Response replaced = lamphun.withHeader("If-Match", "\"4\"").put("/api/v1/activities/" + id
                + "/participation", TestHttp.json(Map.of("byRole", Map.of("TEACHER", 6), "total", 30)));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"5\"");
        JsonNode participation = lamphun.get("/api/v1/activities/" + id).json().get("participation");
        assertThat(participation.get("byRole").get("STUDENT").asInt()).isZero();
        assertThat(participation.get("total").asInt()).isEqualTo(30);
        TestHttp.Response stale = lamphun.withHeader("If-Match", "\"4\"").put("/api/v1/activities/" + id
                + "/participation", TestHttp.json(body));
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void a_total_below_the_sum_of_the_roles_is_a_422_naming_total_and_stores_and_publishes_nothing() {
        String id = held("symposium-short-total");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long rows = count("SELECT count(*) FROM activity_participation");

        TestHttp.Response refused = lamphun.put("/api/v1/activities/" + id + "/participation",
                TestHttp.json(Map.of("byRole", symposiumRoles(), "total", 103)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("total");
        assertThat(refused.json().get("detail").asText()).contains("at least the sum of byRole (104)");
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM activity_participation")).isEqualTo(rows);
        assertThat(lamphun.get("/api/v1/activities/" + id).json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_school_of_another_esa_an_unknown_role_and_a_negative_count_are_422s_naming_the_field() {
        String id = held("symposium-bad-input");

        TestHttp.Response otherEsa = lamphun.put("/api/v1/activities/" + id + "/participation", TestHttp.json(
                Map.of("byRole", Map.of("TEACHER", 3), "schools", List.of("51910001", "31040001"))));
        TestHttp.Response unknownRole = lamphun.put("/api/v1/activities/" + id + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("TEACHERS", 3))));
        TestHttp.Response negative = lamphun.put("/api/v1/activities/" + id + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("TEACHER", -1))));

        assertThat(otherEsa.status()).isEqualTo(422);
        assertThat(otherEsa.json().get("errors").get(0).get("field").asText()).isEqualTo("schools[1]");
        assertThat(otherEsa.json().get("detail").asText()).contains("belongs to P31-4, not to P51-1");
        assertThat(unknownRole.status()).isEqualTo(422);
        assertThat(unknownRole.json().get("errors").get(0).get("field").asText()).isEqualTo("byRole.TEACHERS");
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").get(0).get("field").asText()).startsWith("byRole");
        assertThat(lamphun.get("/api/v1/activities/" + id).json().has("participation")).isFalse();
    }

    @Test
    void participation_of_an_activity_not_yet_held_is_a_409_naming_its_state_and_another_esa_may_not_record_it() {
        String id = draft("symposium-not-held");
        TestHttp.Response early = lamphun.put("/api/v1/activities/" + id + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("TEACHER", 3))));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
        assertThat(early.json().get("detail").asText()).contains("HELD or REPORTED; this one is DRAFT");

        String held = held("symposium-foreign");
        assertThat(lamphun.as(TestTokens.officer("P31-4")).put("/api/v1/activities/" + held + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("TEACHER", 3)))).status()).isEqualTo(403);
        assertThat(lamphun.as(TestTokens.viewer()).put("/api/v1/activities/" + held + "/participation",
                TestHttp.json(Map.of("byRole", Map.of("TEACHER", 3)))).status()).isEqualTo(403);
    }

    private static Map<String, Object> symposiumRoles() {
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("SCHOOL_DIRECTOR", 31);
        roles.put("TEACHER", 40);
        roles.put("SUPERVISOR", 6);
        roles.put("STAFF", 8);
        roles.put("STUDENT", 12);
        roles.put("COMMITTEE", 7);
        return roles;
    }

    /** The Lamphun symposium without funding (so it is planned without budget-service), drafted. */
    private String draft(String ref) {
        TestHttp.Response drafted = lamphun.post("/api/v1/activities", TestHttp.json(
                Activities.with(Activities.lamphunSymposium(ref), "funding", null)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    /** The same, planned and held: version 3. */
    private String held(String ref) {
        String id = draft(ref);
        for (String to : List.of("PLANNED", "HELD")) {
            TestHttp.Response moved = lamphun.post("/api/v1/activities/" + id + "/transitions",
                    TestHttp.json(Map.of("to", to)));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        return id;
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
