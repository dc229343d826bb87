package th.tambon.events.summary;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.events.Activities;
import th.tambon.events.summary.web.SummaryView;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fiscal year's activities came to, per ESA, for one ESA or all of them in one call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummarisingActivitiesTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp viewer;

    @BeforeAll
    void start() {
        server = infra.startService();
        SchoolsFeed feed = new SchoolsFeed(infra.kafkaBootstrapServers(), server);
        feed.seedBuriramAndLamphun();
        TestHttp http = new TestHttp(server.getURL().toString());
        viewer = http.as(TestTokens.viewer());
        TestHttp buriram = http.as(TestTokens.officer("P31-4"));
        TestHttp lamphun = http.as(TestTokens.officer("P51-1"));
        feed.school("31040002", "โรงเรียนบ้านโคกสูง", "P31-4", "บุรีรัมย์", "312105");
        feed.school("31040003", "โรงเรียนบ้านหนองตาด", "P31-4", "บุรีรัมย์", "312106");
        Eventually.await(Duration.ofSeconds(30), () -> {
            assertThat(http.as(TestTokens.admin()).get("/api/v1/replicas/schools/31040002").status()).isEqualTo(200);
            assertThat(http.as(TestTokens.admin()).get("/api/v1/replicas/schools/31040003").status()).isEqualTo(200);
        });

        // 31040003 attended the workshop: neither its venue nor awarded a certificate nor presenting a work there
        String workshop = drive(buriram, Activities.buriramWorkshop("s-workshop"), "PLANNED", "HELD");
        participation(buriram, workshop, Map.of("byRole", Map.of("SCHOOL_DIRECTOR", 40),
                "schools", List.of("31040003")));
        move(buriram, workshop, "REPORTED");
        drive(buriram, on(Activities.with(Activities.buriramWorkshop("s-visit"), "type", "SUPERVISION_VISIT"),
                "2020-08-14"), "PLANNED");
        // 5 October 2020 is in fiscal year 2564: not in 2563's figures
        String plc = drive(buriram, on(Activities.with(Activities.buriramWorkshop("s-plc"), "type", "PLC"),
                "2020-10-05"), "PLANNED", "HELD");
        participation(buriram, plc, Map.of("byRole", Map.of("TEACHER", 10)));
        // the last hour of fiscal year 2563 and the first of 2564, in Bangkok
        String lastDay = drive(buriram, at(Activities.buriramWorkshop("s-last-day"), "2020-09-30T23:00:00+07:00",
                "2020-10-01T01:00:00+07:00"), "PLANNED", "HELD");
        participation(buriram, lastDay, Map.of("byRole", Map.of("TEACHER", 7)));
        drive(buriram, venue(at(Activities.buriramWorkshop("s-first-day"), "2020-10-01T00:30:00+07:00",
                "2020-10-01T04:00:00+07:00"), "31040002"), "PLANNED", "HELD");
        // at another school, but cancelled: it reached no one
        String cancelled = drive(buriram, venue(on(Activities.buriramWorkshop("s-cancelled"), "2020-09-15"),
                "31040002"), "PLANNED");
        TestHttp.Response cancelling = buriram.post("/api/v1/activities/" + cancelled + "/transitions",
                TestHttp.json(Map.of("to", "CANCELLED", "reason", "น้ำท่วม")));
        assertThat(cancelling.status()).as(cancelling.body()).isEqualTo(200);
        // the domain records participation only once held (RecordingParticipation); a row written by SQL, as
        // bench/sql does, is what a participation on an activity that did not take place would look like
        try (Connection db = infra.database().connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO activity_participation VALUES ('" + cancelled + "', 0, 0, 0, 0, 0, 0, 0, "
                    + "1000, '{31040002}', now(), 'bench')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ita(http.as(TestTokens.admin()), "school/31040001/2563", "94.99");
        ita(http.as(TestTokens.admin()), "school/31040002/2563", "95.00");
        ita(http.as(TestTokens.admin()), "school/31040002/2564", "49.00");
        ita(http.as(TestTokens.admin()), "esa/P31-4/2563", "80.00");

        Map<String, Object> symposium = Activities.with(Activities.lamphunSymposium("s-symposium"), "funding", null);
        String held = drive(lamphun, symposium, "PLANNED", "HELD");
        participation(lamphun, held, Map.of("byRole", Map.of(), "total", 104));
        assertThat(lamphun.post("/api/v1/activities/" + held + "/certificates",
                TestHttp.json(Map.of("school", "51910001"))).status()).isEqualTo(201);
        TestHttp.Response work = lamphun.post("/api/v1/activities/" + held + "/works", TestHttp.json(Map.of(
                "school", "51910001", "title", "นวัตกรรมการอ่าน", "track", "INNOVATION",
                "presenterCategory", "TEACHER")));
        assertThat(work.status()).as(work.body()).isEqualTo(201);
        assertThat(lamphun.post("/api/v1/works/" + work.json().get("id").asText() + "/selection",
                TestHttp.json(Map.of("selected", true))).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_esa_of_fiscal_year_2563_in_one_call_with_activities_by_type_and_state_and_their_outcomes() {
        JsonNode summary = viewer.get("/api/v1/activities/summary?fiscalYear=2563").json();

        assertThat(summary.get("from").asText()).isEqualTo("2019-10-01");
        assertThat(summary.get("to").asText()).isEqualTo("2020-09-30");
        assertThat(summary.get("esas").findValuesAsText("esa")).containsExactly("P31-4", "P51-1");
        JsonNode buriram = summary.get("esas").get(0);
        assertThat(buriram.get("activities").asLong()).isEqualTo(4);
        assertThat(buriram.get("byType").toString()).isEqualTo("{\"SUPERVISION_VISIT\":1,\"WORKSHOP\":3}");
        assertThat(buriram.get("byState").toString())
                .isEqualTo("{\"CANCELLED\":1,\"HELD\":1,\"PLANNED\":1,\"REPORTED\":1}");
        assertThat(buriram.get("held").asLong()).isEqualTo(2);
        assertThat(buriram.get("participants").asLong()).as("every activity's, as before").isEqualTo(1047);
        assertThat(buriram.get("certificates").asLong()).isZero();
        JsonNode lamphun = summary.get("esas").get(1);
        assertThat(lamphun.get("held").asLong()).isEqualTo(1);
        assertThat(lamphun.get("participants").asLong()).isEqualTo(104);
        assertThat(lamphun.get("certificates").asLong()).isEqualTo(1);
        assertThat(lamphun.get("worksPresented").asLong()).isEqualTo(1);
        assertThat(lamphun.get("worksSelected").asLong()).isEqualTo(1);
        assertThat(lamphun.get("worksForwarded").asLong()).isZero();
    }

    @Test
    void a_summary_without_any_esa_says_so_with_an_empty_list_never_by_leaving_it_out() throws Exception {
        // what an empty deployment answers (no ESA in the replica yet); the gateway refuses an answer without the list
        String json = server.getApplicationContext().getBean(ObjectMapper.class).writeValueAsString(
                new SummaryView(2563, LocalDate.parse("2019-10-01"), LocalDate.parse("2020-09-30"), List.of()));

        assertThat(json).contains("\"esas\":[]");
    }

    @Test
    void held_activities_by_month_of_the_fiscal_year_their_participants_and_the_schools_they_reached() {
        JsonNode buriram = viewer.get("/api/v1/activities/summary?fiscalYear=2563&esa=P31-4").json().get("esas").get(0);

        assertThat(buriram.get("heldByMonth").toString()).as("October to September, every month, in order")
                .isEqualTo("{\"2019-10\":0,\"2019-11\":0,\"2019-12\":0,\"2020-01\":0,\"2020-02\":0,\"2020-03\":0,"
                        + "\"2020-04\":0,\"2020-05\":0,\"2020-06\":0,\"2020-07\":1,\"2020-08\":0,\"2020-09\":1}");
        assertThat(buriram.get("participantsHeld").asLong()).as("not the cancelled activity's 1000").isEqualTo(47);
    }

    @Test
    void the_schools_reached_are_the_venues_and_the_schools_that_attended_a_held_activity_but_not_a_cancelled_one() {
        JsonNode buriram = viewer.get("/api/v1/activities/summary?fiscalYear=2563&esa=P31-4").json().get("esas").get(0);

        assertThat(buriram.get("schoolsReached").asLong()).as("31040001 where it was held and 31040003 that attended; "
                + "not 31040002, whose activity (at it, and listing it in its participation) was cancelled")
                .isEqualTo(2);
    }

    @Test
    void the_last_day_of_september_in_bangkok_is_in_2563_and_the_first_of_october_in_2564() {
        JsonNode next = viewer.get("/api/v1/activities/summary?fiscalYear=2564&esa=P31-4").json().get("esas").get(0);

        assertThat(next.get("heldByMonth").get("2020-10").asLong()).as("the PLC and the first day's").isEqualTo(2);
        assertThat(next.get("heldByMonth").size()).isEqualTo(12);
        assertThat(next.get("heldByMonth").fieldNames()).toIterable().first().isEqualTo("2020-10");
        assertThat(next.get("byType").toString()).isEqualTo("{\"PLC\":1,\"WORKSHOP\":1}");
        assertThat(next.get("participantsHeld").asLong()).isEqualTo(10);
        assertThat(next.get("schoolsReached").asLong()).as("31040001 and 31040002").isEqualTo(2);
    }

    @Test
    void the_ita_levels_of_an_esas_schools_and_its_own_result_for_the_fiscal_year() {
        JsonNode esas = viewer.get("/api/v1/activities/summary?fiscalYear=2563").json().get("esas");
        JsonNode buriram = esas.get(0);
        JsonNode lamphun = esas.get(1);

        assertThat(buriram.get("itaLevels").toString())
                .isEqualTo("{\"AA\":1,\"A\":1,\"B\":0,\"C\":0,\"D\":0,\"E\":0,\"F\":0}");
        assertThat(buriram.get("esaIta").get("score").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(buriram.get("esaIta").get("level").asText()).isEqualTo("B");
        assertThat(lamphun.get("itaLevels").toString())
                .isEqualTo("{\"AA\":0,\"A\":0,\"B\":0,\"C\":0,\"D\":0,\"E\":0,\"F\":0}");
        assertThat(lamphun.has("esaIta")).as("present, and null").isTrue();
        assertThat(lamphun.get("esaIta").isNull()).isTrue();
        assertThat(viewer.get("/api/v1/activities/summary?fiscalYear=2564&esa=P31-4").json().get("esas").get(0)
                .get("itaLevels").get("F").asLong()).isEqualTo(1);
    }

    @Test
    void one_esa_and_the_next_fiscal_year() {
        JsonNode lamphun = viewer.get("/api/v1/activities/summary?fiscalYear=2563&esa=P51-1").json().get("esas");
        JsonNode next = viewer.get("/api/v1/activities/summary?fiscalYear=2564&esa=P31-4").json().get("esas");

        assertThat(lamphun).hasSize(1);
        assertThat(lamphun.get(0).get("participants").asLong()).isEqualTo(104);
        assertThat(next.get(0).get("byType").toString()).isEqualTo("{\"PLC\":1,\"WORKSHOP\":1}");
        assertThat(next.get(0).get("participants").asLong()).isEqualTo(10);
        JsonNode empty = viewer.get("/api/v1/activities/summary?fiscalYear=2566&esa=P31-4").json().get("esas").get(0);
        assertThat(empty.get("activities").asLong()).isZero();
        assertThat(empty.get("byType")).as("an ESA without activities has every field").isNotNull().isEmpty();
        assertThat(empty.get("byState")).isNotNull().isEmpty();
    }

    @Test
    void a_school_director_gets_its_own_schools_esa_and_a_missing_fiscal_year_is_a_422() {
        TestHttp director = viewer.as(TestTokens.director("31040001"));

        assertThat(director.get("/api/v1/activities/summary?fiscalYear=2563").json().get("esas")
                .findValuesAsText("esa")).containsExactly("P31-4");
        assertThat(director.get("/api/v1/activities/summary?fiscalYear=2563&esa=P51-1").status()).isEqualTo(403);
        TestHttp.Response missing = viewer.get("/api/v1/activities/summary");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("fiscalYear");
    }

    private static Map<String, Object> at(Map<String, Object> body, String start, String end) {
        return Activities.with(Activities.with(body, "start", start), "end", end);
    }

    private static Map<String, Object> venue(Map<String, Object> body, String school) {
        return Activities.with(body, "venueSchool", school);
    }

    private static void ita(TestHttp admin, String path, String score) {
        TestHttp.Response recorded = admin.put("/api/v1/ita-results/" + path, "{\"score\": " + score + "}");
        assertThat(recorded.status()).as(recorded.body()).isIn(200, 201);
    }

    private static Map<String, Object> on(Map<String, Object> body, String day) {
        return Activities.with(Activities.with(body, "start", day + "T09:00:00+07:00"), "end", day + "T16:00:00+07:00");
    }

    private static String drive(TestHttp officer, Map<String, Object> body, String... moves) {
        TestHttp.Response drafted = officer.post("/api/v1/activities", TestHttp.json(body));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        List.of(moves).forEach(to -> move(officer, id, to));
        return id;
    }

    private static void move(TestHttp officer, String id, String to) {
        TestHttp.Response moved = officer.post("/api/v1/activities/" + id + "/transitions", TestHttp.json(Map.of("to", to)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private static void participation(TestHttp officer, String id, Map<String, Object> body) {
        TestHttp.Response recorded = officer.put("/api/v1/activities/" + id + "/participation", TestHttp.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }
}
