package th.tambon.events.activity;

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

/** An ESA's activities from draft to closed (or cancelled), through events-service's HTTP API and events.v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningActivitiesTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp officer;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        officer = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P31-4"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_buriram_workshop_is_drafted_at_ban_hua_fai_with_its_thai_date_and_announced() {
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response drafted = officer.post("/api/v1/activities",
                    TestHttp.json(Activities.buriramWorkshop("workshop-drafted")));

            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            assertThat(drafted.header("ETag")).isEqualTo("\"1\"");
            JsonNode activity = officer.get(drafted.location()).json();
            assertThat(activity.get("state").asText()).isEqualTo("DRAFT");
            assertThat(activity.get("stateTh").asText()).isEqualTo("ร่าง");
            assertThat(activity.get("venueSchool").asText()).isEqualTo("31040001");
            assertThat(activity.get("start").asText()).isEqualTo("2020-07-21T09:00:00+07:00");
            assertThat(activity.get("startsOnTh").asText()).isEqualTo("21 กรกฎาคม 2563");
            assertThat(activity.get("fiscalYear").asInt()).isEqualTo(2563);
            assertThat(activity.get("academicYear").asInt()).isEqualTo(2563);
            assertThat(activity.get("chair").asText()).isEqualTo("ดร.จำปา จันทะสอน");
            assertThat(activity.get("tracks").toString())
                    .isEqualTo("[\"INNOVATION\",\"OCCUPATION\",\"QUALITY_CLASSROOM\",\"ENVIRONMENT\",\"ITA\"]");
            assertThat(activity.get("history").get(0).get("change").asText()).isEqualTo("DRAFTED");
            assertThat(activity.get("history").get(0).get("recordedBy").asText()).isEqualTo("officer-P31-4");
            String id = activity.get("id").asText();
            ConsumerRecord<String, byte[]> event = events.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("th.tambon.activity.changed.v1");
            assertThat(KafkaProbe.value(event)).contains("\"change\":\"DRAFTED\"", "\"version\":1",
                    "\"startsOn\":\"2020-07-21\"");
        }
    }

    @Test
    void an_activity_drafted_without_tracks_or_agenda_is_announced_with_both_empty() {
        Map<String, Object> body = new java.util.HashMap<>(Activities.buriramWorkshop("workshop-without-lists"));
        body.remove("tracks");
        body.remove("agenda");
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response drafted = officer.post("/api/v1/activities", TestHttp.json(body));

            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            String id = officer.get(drafted.location()).json().get("id").asText();
            ConsumerRecord<String, byte[]> event = events.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaProbe.value(event)).contains("\"tracks\":[]", "\"agenda\":[]");
        }
    }

    @Test
    void the_academic_year_is_the_replicated_calendars_2563_opened_on_1_july_2020() {
        JsonNode lastDayOf2562 = officer.post("/api/v1/activities", TestHttp.json(Activities.with(Activities.with(
                Activities.buriramWorkshop("workshop-2020-06-30"), "start", "2020-06-30T09:00:00+07:00"),
                "end", "2020-06-30T16:00:00+07:00"))).json();
        // 2020-06-30 23:30 UTC is already 1 July in Bangkok
        JsonNode firstDayOf2563 = officer.post("/api/v1/activities", TestHttp.json(Activities.with(Activities.with(
                Activities.buriramWorkshop("workshop-2020-07-01"), "start", "2020-06-30T23:30:00Z"),
                "end", "2020-07-01T09:00:00Z"))).json();

        assertThat(lastDayOf2562.get("academicYear").asInt()).isEqualTo(2562);
        assertThat(firstDayOf2563.get("startsOn").asText()).isEqualTo("2020-07-01");
        assertThat(firstDayOf2563.get("academicYear").asInt()).isEqualTo(2563);
    }

    @Test
    void an_activity_goes_from_draft_to_closed_each_move_in_its_history_and_each_event_one_version_later() {
        String id = draft(Activities.buriramWorkshop("workshop-lifecycle"));
        try (KafkaProbe events = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            for (String to : List.of("PLANNED", "HELD", "REPORTED", "CLOSED")) {
                TestHttp.Response moved = officer.post("/api/v1/activities/" + id + "/transitions",
                        TestHttp.json(Map.of("to", to)));
                assertThat(moved.status()).as(moved.body()).isEqualTo(200);
                assertThat(moved.json().get("state").asText()).isEqualTo(to);
            }

            JsonNode activity = officer.get("/api/v1/activities/" + id).json();
            assertThat(activity.get("version").asLong()).isEqualTo(5);
            assertThat(activity.get("history").findValuesAsText("change"))
                    .containsExactly("DRAFTED", "PLANNED", "HELD", "REPORTED", "CLOSED");
            events.await(r -> id.equals(r.key()) && KafkaProbe.value(r).contains("\"change\":\"CLOSED\""),
                    Duration.ofSeconds(20));
            List<String> versions = events.records(Duration.ofMillis(200)).stream().filter(r -> id.equals(r.key()))
                    .map(r -> TestHttp.parse(KafkaProbe.value(r)).get("version").asText()).toList();
            assertThat(versions).containsExactly("1", "2", "3", "4", "5");
        }
    }

    @Test
    void an_illegal_move_is_a_409_naming_the_allowed_ones_and_changes_and_publishes_nothing() {
        String id = draft(Activities.buriramWorkshop("workshop-illegal"));
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response refused = officer.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "REPORTED")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText())
                .contains("an activity that is DRAFT cannot become REPORTED; it can become PLANNED, CANCELLED");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
        assertThat(officer.get("/api/v1/activities/" + id).json().get("version").asLong()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void a_cancellation_needs_a_reason_and_nothing_is_cancelled_once_held() {
        String cancelled = draft(Activities.buriramWorkshop("workshop-cancelled"));
        assertThat(officer.post("/api/v1/activities/" + cancelled + "/transitions",
                TestHttp.json(Map.of("to", "CANCELLED"))).status()).isEqualTo(422);
        TestHttp.Response withReason = officer.post("/api/v1/activities/" + cancelled + "/transitions",
                TestHttp.json(Map.of("to", "CANCELLED", "reason", "เลื่อนออกไป")));
        assertThat(withReason.status()).isEqualTo(200);
        assertThat(withReason.json().get("reason").asText()).isEqualTo("เลื่อนออกไป");

        String held = draft(Activities.buriramWorkshop("workshop-held"));
        move(held, "PLANNED");
        move(held, "HELD");
        TestHttp.Response tooLate = officer.post("/api/v1/activities/" + held + "/transitions",
                TestHttp.json(Map.of("to", "CANCELLED", "reason", "ไม่ได้จัด")));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("detail").asText()).contains("it can become REPORTED");
    }

    @Test
    void an_activity_is_not_held_before_the_day_it_starts_in_bangkok() {
        String id = draft(Activities.with(Activities.with(Activities.buriramWorkshop("workshop-future"),
                "start", "2099-07-21T09:00:00+07:00"), "end", "2099-07-21T16:00:00+07:00"));
        move(id, "PLANNED");

        TestHttp.Response early = officer.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "HELD")));

        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("detail").asText()).contains("cannot be held before that day");
    }

    @Test
    void a_venue_school_of_another_esa_and_an_end_before_the_start_are_422s_naming_the_field_and_store_nothing() {
        long activities = count("SELECT count(*) FROM activity");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response otherEsa = officer.post("/api/v1/activities", TestHttp.json(
                Activities.with(Activities.buriramWorkshop("workshop-other-esa"), "venueSchool", "51910001")));
        TestHttp.Response backwards = officer.post("/api/v1/activities", TestHttp.json(
                Activities.with(Activities.buriramWorkshop("workshop-backwards"), "end", "2020-07-21T08:00:00+07:00")));

        assertThat(otherEsa.status()).isEqualTo(422);
        assertThat(otherEsa.json().get("errors").get(0).get("field").asText()).isEqualTo("venueSchool");
        assertThat(otherEsa.json().get("detail").asText()).contains("belongs to P51-1, not to P31-4");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("end");
        assertThat(count("SELECT count(*) FROM activity")).isEqualTo(activities);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void a_change_with_a_stale_if_match_is_a_412_and_the_same_details_again_change_nothing() {
        Map<String, Object> body = Activities.buriramWorkshop("workshop-revised");
        String id = draft(body);
        Map<String, Object> moved = Activities.with(body, "venue", "หอประชุมโรงเรียนบ้านหัวฝาย");

        TestHttp.Response changed = officer.withHeader("If-Match", "\"1\"").put("/api/v1/activities/" + id,
                TestHttp.json(moved));
        TestHttp.Response stale = officer.withHeader("If-Match", "\"1\"").put("/api/v1/activities/" + id,
                TestHttp.json(Activities.with(body, "venue", "ห้องสมุด")));
        TestHttp.Response again = officer.put("/api/v1/activities/" + id, TestHttp.json(moved));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"2\"");
        assertThat(officer.get("/api/v1/activities/" + id).json().get("venue").asText())
                .isEqualTo("หอประชุมโรงเรียนบ้านหัวฝาย");
    }

    @Test
    void a_funded_activity_waits_for_budget_service_and_meanwhile_is_neither_held_nor_changed() {
        TestHttp lamphun = officer.as(TestTokens.officer("P51-1"));
        Map<String, Object> body = Activities.lamphunSymposium("symposium-pending");
        String id = draftAs(lamphun, body);

        TestHttp.Response planned = lamphun.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "PLANNED")));
        TestHttp.Response held = lamphun.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "HELD")));
        TestHttp.Response changed = lamphun.put("/api/v1/activities/" + id,
                TestHttp.json(Activities.with(body, "venue", "ที่อื่น")));

        assertThat(planned.status()).isEqualTo(200);
        assertThat(planned.json().get("state").asText()).isEqualTo("FUNDING_REQUESTED");
        assertThat(planned.json().get("stateTh").asText()).isEqualTo("รอการอนุมัติงบประมาณ");
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.json().get("detail").asText()).contains("waiting for budget-service");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(lamphun.get("/api/v1/activities/" + id).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void an_officer_of_another_esa_cannot_draft_or_move_its_activities_and_a_ref_is_used_once() {
        String id = draft(Activities.buriramWorkshop("workshop-guarded"));
        TestHttp lamphun = officer.as(TestTokens.officer("P51-1"));

        assertThat(lamphun.post("/api/v1/activities",
                TestHttp.json(Activities.buriramWorkshop("workshop-foreign"))).status()).isEqualTo(403);
        assertThat(officer.put("/api/v1/activities/" + id, TestHttp.json(Activities.with(
                Activities.buriramWorkshop("workshop-guarded"), "esa", "P51-1"))).status()).isEqualTo(422);
        assertThat(lamphun.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "PLANNED"))).status()).isEqualTo(403);
        TestHttp.Response again = officer.post("/api/v1/activities",
                TestHttp.json(Activities.buriramWorkshop("workshop-guarded")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains(id);
    }

    @Test
    void an_estimate_given_in_whole_baht_is_announced_with_its_satang() {
        TestHttp lamphun = officer.as(TestTokens.officer("P51-1"));
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            String id = draftAs(lamphun, Activities.with(Activities.lamphunSymposium("symposium-whole-baht"),
                    "funding", Map.of("fiscalYear", 2563, "round", 2, "line", 1, "estimate", "21700")));

            ConsumerRecord<String, byte[]> drafted = events.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaProbe.value(drafted)).contains("\"estimate\":21700.00");
        }
    }

    @Test
    void the_same_ref_drafted_by_eight_requests_at_once_is_drafted_once_and_refused_seven_times_with_409() throws Exception {
        String body = TestHttp.json(Activities.buriramWorkshop("workshop-at-once"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return officer.post("/api/v1/activities", body).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private String draft(Map<String, Object> body) {
        return draftAs(officer, body);
    }

    private static String draftAs(TestHttp as, Map<String, Object> body) {
        TestHttp.Response drafted = as.post("/api/v1/activities", TestHttp.json(body));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    private void move(String id, String to) {
        TestHttp.Response moved = officer.post("/api/v1/activities/" + id + "/transitions", TestHttp.json(Map.of("to", to)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
