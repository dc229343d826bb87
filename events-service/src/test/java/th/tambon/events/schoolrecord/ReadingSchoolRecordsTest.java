package th.tambon.events.schoolrecord;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.events.Activities;
import th.tambon.events.BudgetFeed;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school's record in one call: the activities it hosted and attended, its certificates, its works, its ITA results
 * and what budget-service recorded as spent on what it hosted; for a fiscal year or all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingSchoolRecordsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTED = "th.tambon.activity.funding-requested.v1";
    private static final String COST_REPORTED = "th.tambon.activity.cost-reported.v1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp viewer;
    private TestHttp lamphun;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        TestHttp http = new TestHttp(server.getURL().toString());
        viewer = http.as(TestTokens.viewer());
        lamphun = http.as(TestTokens.officer("P51-1"));
        BudgetFeed budget = new BudgetFeed(infra.kafkaBootstrapServers(), server);

        // hosted, funded, its cost recorded as spent by budget-service
        String funded = draft(Activities.with(Activities.lamphunSymposium("r-funded"), "venueSchool", "51910001"));
        budget.publish(BudgetFeed.committed(published(funded, REQUESTED, Map.of("to", "PLANNED")), 1));
        Eventually.await(WAIT, () -> assertThat(view(funded).get("state").asText()).isEqualTo("FUNDED"));
        move(funded, Map.of("to", "HELD"));
        // the participation lists the school that hosted it: hosted, not attended
        participation(funded, 104, List.of("51910001"));
        budget.publish(BudgetFeed.recorded(published(funded, COST_REPORTED,
                Map.of("to", "REPORTED", "actualCost", "21700.00")), 2));
        Eventually.await(WAIT, () -> assertThat(view(funded).get("funding").path("spending").asText())
                .isEqualTo("RECORDED"));
        // hosted without funding: its cost is nobody's expenditure
        String own = draft(on(unfunded("r-own"), "2020-08-10"));
        move(own, Map.of("to", "PLANNED"));
        move(own, Map.of("to", "HELD"));
        move(own, Map.of("to", "REPORTED", "actualCost", "500.00"));
        // attended in fiscal year 2564: a certificate and a work, elsewhere
        String attended = draft(on(elsewhere("r-attended"), "2020-11-20"));
        move(attended, Map.of("to", "PLANNED"));
        move(attended, Map.of("to", "HELD"));
        certificate(attended);
        TestHttp.Response work = lamphun.post("/api/v1/activities/" + attended + "/works", TestHttp.json(Map.of(
                "school", "51910001", "title", "นวัตกรรมการอ่าน", "track", "INNOVATION",
                "presenterCategory", "TEACHER")));
        assertThat(work.status()).as(work.body()).isEqualTo(201);
        // attended in fiscal year 2564 as its participation lists it, without a certificate or a work
        String listed = draft(on(elsewhere("r-listed"), "2020-12-05"));
        move(listed, Map.of("to", "PLANNED"));
        move(listed, Map.of("to", "HELD"));
        participation(listed, 30, List.of("51910001"));
        // its only certificate there revoked: it did not attend that one
        String revokedAt = draft(on(elsewhere("r-revoked"), "2020-09-01"));
        move(revokedAt, Map.of("to", "PLANNED"));
        move(revokedAt, Map.of("to", "HELD"));
        String revoked = certificate(revokedAt);
        TestHttp.Response revoking = lamphun.withHeader("If-Match", "\"1\"").post("/api/v1/certificates/" + revoked
                + "/revocation", TestHttp.json(Map.of("reason", "มอบผิดโรงเรียน")));
        assertThat(revoking.status()).as(revoking.body()).isEqualTo(200);
        ita("school/51910001/2563", "94.99");
        ita("school/51910001/2564", "95.00");
        // more works than a record lists, of a school the replica does not know
        try (Connection db = infra.database().connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO work (id, activity, esa, school, title, track, presenter_category, status, "
                    + "updated_at, version) SELECT gen_random_uuid(), '" + attended + "', 'P51-1', '51919999', "
                    + "'ผลงาน ' || n, 'INNOVATION', 'TEACHER', 'PRESENTED', now(), 1 FROM generate_series(1, 501) n");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_schools_record_has_what_it_hosted_and_attended_its_certificates_works_ita_and_the_spending_recorded() {
        TestHttp.Response read = viewer.get("/api/v1/school-records/51910001");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode record = read.json();
        assertThat(record.get("school").asText()).isEqualTo("51910001");
        assertThat(record.get("esa").asText()).isEqualTo("P51-1");
        assertThat(record.get("hosted").findValuesAsText("ref")).as("by start").containsExactly("r-own", "r-funded");
        JsonNode funded = record.get("hosted").get(1);
        assertThat(funded.get("type").asText()).isEqualTo("SYMPOSIUM");
        assertThat(funded.get("state").asText()).isEqualTo("REPORTED");
        assertThat(funded.get("startsOn").asText()).isEqualTo("2020-09-28");
        assertThat(funded.get("start").asText()).isEqualTo("2020-09-28T08:30:00+07:00");
        assertThat(funded.get("titleTh").asText()).startsWith("กิจกรรมแลกเปลี่ยนเรียนรู้");
        assertThat(funded.get("participants").asInt()).isEqualTo(104);
        assertThat(funded.get("actualCost").isTextual()).isTrue();
        assertThat(funded.get("actualCost").asText()).isEqualTo("21700.00");
        assertThat(funded.get("spending").asText()).isEqualTo("RECORDED");
        JsonNode own = record.get("hosted").get(0);
        assertThat(own.get("actualCost").asText()).isEqualTo("500.00");
        assertThat(own.get("spending").isNull()).as("no funding, no spending").isTrue();
        assertThat(own.get("participants").isNull()).isTrue();
        assertThat(record.get("attended").findValuesAsText("ref")).as("not where its certificate was revoked")
                .containsExactly("r-attended", "r-listed");
        assertThat(record.get("certificates")).hasSize(2);
        assertThat(record.get("certificates").findValuesAsText("status")).containsExactlyInAnyOrder("VALID", "REVOKED");
        JsonNode certificate = record.get("certificates").get(0);
        assertThat(certificate.fieldNames()).toIterable()
                .contains("id", "number", "printedNumber", "activity", "givenOn", "awardedAt", "status");
        assertThat(record.get("works").findValuesAsText("title")).containsExactly("นวัตกรรมการอ่าน");
        assertThat(record.get("works").get(0).get("status").asText()).isEqualTo("PRESENTED");
        assertThat(record.get("works").get(0).get("activity").asText())
                .isEqualTo(record.get("attended").get(0).get("id").asText());
        assertThat(record.get("ita").findValuesAsText("level")).containsExactly("A", "AA");
        assertThat(record.get("ita").get(0).get("fiscalYear").asInt()).isEqualTo(2563);
        assertThat(record.get("ita").get(0).get("score").decimalValue()).isEqualByComparingTo("94.99");
        assertThat(record.get("spentOnHosted").asText()).as("only what budget-service recorded").isEqualTo("21700.00");
        assertThat(record.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void a_school_listed_in_an_activitys_participation_attended_it_unless_it_hosted_it() {
        JsonNode record = viewer.get("/api/v1/school-records/51910001?fiscalYear=2564").json();

        JsonNode listed = record.get("attended").get(1);
        assertThat(listed.get("ref").asText()).as("neither a certificate nor a work there").isEqualTo("r-listed");
        assertThat(listed.get("participants").asInt()).isEqualTo(30);
        assertThat(record.get("works").findValuesAsText("activity")).doesNotContain(listed.get("id").asText());
        assertThat(record.get("certificates").findValuesAsText("activity")).doesNotContain(listed.get("id").asText());
        assertThat(viewer.get("/api/v1/school-records/51910001").json().get("attended").findValuesAsText("ref"))
                .as("r-funded lists it too, but it was there as its venue").doesNotContain("r-funded");
    }

    @Test
    void a_fiscal_year_limits_the_activities_certificates_works_and_ita_to_it() {
        JsonNode record = viewer.get("/api/v1/school-records/51910001?fiscalYear=2564").json();

        assertThat(record.get("hosted")).isEmpty();
        assertThat(record.get("attended").findValuesAsText("ref")).containsExactly("r-attended", "r-listed");
        assertThat(record.get("certificates")).hasSize(1);
        assertThat(record.get("works")).hasSize(1);
        assertThat(record.get("ita").findValuesAsText("fiscalYear")).containsExactly("2564");
        assertThat(record.get("spentOnHosted").asText()).isEqualTo("0.00");
        assertThat(viewer.get("/api/v1/school-records/51910001?fiscalYear=2563").json().get("attended")).isEmpty();
    }

    @Test
    void a_school_director_reads_its_own_schools_record_only_and_any_officer_reads_any_school() {
        assertThat(viewer.as(TestTokens.director("51910001")).get("/api/v1/school-records/51910001").status())
                .isEqualTo(200);
        TestHttp.Response other = viewer.as(TestTokens.director("31040001")).get("/api/v1/school-records/51910001");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viewer.as(TestTokens.officer("P31-4")).get("/api/v1/school-records/51910001").status())
                .as("as for works and certificates: officers read every ESA's").isEqualTo(200);
    }

    @Test
    void a_known_school_without_records_has_empty_lists_and_an_unknown_one_without_records_is_a_404() {
        JsonNode empty = viewer.get("/api/v1/school-records/31040001").json();
        assertThat(empty.get("esa").asText()).isEqualTo("P31-4");
        for (String list : List.of("hosted", "attended", "certificates", "works", "ita")) {
            assertThat(empty.get(list)).as(list).isNotNull().isEmpty();
        }
        assertThat(empty.get("spentOnHosted").asText()).isEqualTo("0.00");

        TestHttp.Response unknown = viewer.get("/api/v1/school-records/99999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viewer.get("/api/v1/school-records/1234").status()).isEqualTo(422);
    }

    @Test
    void each_list_stops_at_500_and_says_it_was_cut_and_a_school_the_replica_does_not_know_still_has_its_record() {
        JsonNode record = viewer.get("/api/v1/school-records/51919999").json();

        assertThat(record.get("works")).hasSize(500);
        assertThat(record.get("truncated").asBoolean()).isTrue();
        assertThat(record.get("esa").isNull()).isTrue();
        assertThat(record.get("attended")).hasSize(1);
    }

    private String draft(Map<String, Object> body) {
        TestHttp.Response drafted = lamphun.post("/api/v1/activities", TestHttp.json(body));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    /** Moves the activity and returns the event of this type it published on its funding's key. */
    private JsonNode published(String id, String type, Map<String, Object> move) {
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            move(id, move);
            return TestHttp.parse(KafkaProbe.value(events.await(r -> (id + "/funding").equals(r.key())
                    && type.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), WAIT)));
        }
    }

    private void move(String id, Map<String, Object> body) {
        TestHttp.Response moved = lamphun.post("/api/v1/activities/" + id + "/transitions", TestHttp.json(body));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private JsonNode view(String id) {
        return lamphun.get("/api/v1/activities/" + id).json();
    }

    private void participation(String id, int total, List<String> schools) {
        TestHttp.Response recorded = lamphun.put("/api/v1/activities/" + id + "/participation",
                TestHttp.json(Map.of("byRole", Map.of(), "total", total, "schools", schools)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    private String certificate(String activity) {
        TestHttp.Response awarded = lamphun.post("/api/v1/activities/" + activity + "/certificates",
                TestHttp.json(Map.of("school", "51910001")));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(201);
        return awarded.json().get("id").asText();
    }

    private void ita(String path, String score) {
        TestHttp.Response recorded = lamphun.put("/api/v1/ita-results/" + path, "{\"score\": " + score + "}");
        assertThat(recorded.status()).as(recorded.body()).isIn(200, 201);
    }

    private static Map<String, Object> unfunded(String ref) {
        return Activities.with(Activities.with(Activities.lamphunSymposium(ref), "funding", null),
                "venueSchool", "51910001");
    }

    /** At the ESA's office, no school's. */
    private static Map<String, Object> elsewhere(String ref) {
        return Activities.with(Activities.lamphunSymposium(ref), "funding", null);
    }

    private static Map<String, Object> on(Map<String, Object> body, String day) {
        return Activities.with(Activities.with(body, "start", day + "T09:00:00+07:00"), "end", day + "T16:00:00+07:00");
    }
}
