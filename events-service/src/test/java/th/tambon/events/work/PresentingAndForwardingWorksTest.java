package th.tambon.events.work;

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

/**
 * Outstanding works presented at a held activity, selected by its ESA and forwarded to OBEC in a batch with the ESA's
 * letter, through events-service's HTTP API and events.v1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresentingAndForwardingWorksTest {
    private static final String LETTER = "ศธ 04142/1234";

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
    void works_are_presented_selected_and_forwarded_in_one_batch_each_event_one_version_later_on_its_own_key() {
        String activity = heldWorkshop("works-forwarded");
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response presented = officer.post("/api/v1/activities/" + activity + "/works",
                    TestHttp.json(work("นวัตกรรมการสอนอ่านภาษาไทยด้วยเพลง", "INNOVATION", "TEACHER")));
            assertThat(presented.status()).as(presented.body()).isEqualTo(201);
            assertThat(presented.header("ETag")).isEqualTo("\"1\"");
            assertThat(presented.json().get("status").asText()).isEqualTo("PRESENTED");
            assertThat(presented.json().get("esa").asText()).isEqualTo("P31-4");
            String id = presented.json().get("id").asText();
            String other = present(activity, work("ห้องเรียนคุณภาพด้วยกระบวนการ PLC", "QUALITY_CLASSROOM", "ADMINISTRATOR"));

            TestHttp.Response selected = officer.withHeader("If-Match", "\"1\"").post("/api/v1/works/" + id
                    + "/selection", TestHttp.json(Map.of("selected", true, "note", "ผลงานดีเด่นด้านนวัตกรรม")));
            assertThat(selected.status()).as(selected.body()).isEqualTo(200);
            assertThat(selected.json().get("status").asText()).isEqualTo("SELECTED");
            assertThat(selected.header("ETag")).isEqualTo("\"2\"");
            decide(other, true);

            TestHttp.Response forwarded = officer.post("/api/v1/works/forwardings", TestHttp.json(Map.of(
                    "esa", "P31-4", "documentRef", LETTER, "sentOn", "2020-08-03", "works", List.of(id, other))));

            assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(201);
            assertThat(forwarded.json().get("documentRef").asText()).isEqualTo(LETTER);
            assertThat(forwarded.json().get("sentOnTh").asText()).isEqualTo("3 สิงหาคม 2563");
            assertThat(forwarded.json().get("works")).extracting(w -> w.get("id").asText()).containsExactly(id, other);
            assertThat(officer.get(forwarded.location()).json().get("works").findValuesAsText("status"))
                    .containsExactly("FORWARDED", "FORWARDED");
            JsonNode work = officer.get("/api/v1/works/" + id).json();
            assertThat(work.get("status").asText()).isEqualTo("FORWARDED");
            assertThat(work.get("note").asText()).isEqualTo("ผลงานดีเด่นด้านนวัตกรรม");
            assertThat(work.get("forwarding").get("documentRef").asText()).isEqualTo(LETTER);
            assertThat(work.get("history").findValuesAsText("status"))
                    .containsExactly("PRESENTED", "SELECTED", "FORWARDED");
            assertThat(work.get("version").asLong()).isEqualTo(3);

            events.await(r -> id.equals(r.key()) && KafkaProbe.value(r).contains("\"status\":\"FORWARDED\""),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> ofWork = events.records(Duration.ofMillis(300)).stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertThat(ofWork).allSatisfy(r -> assertThat(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                    .isEqualTo("th.tambon.work.changed.v1"));
            assertThat(ofWork.stream().map(r -> TestHttp.parse(KafkaProbe.value(r)).get("version").asLong()))
                    .containsExactly(1L, 2L, 3L);
            assertThat(ofWork.stream().map(r -> TestHttp.parse(KafkaProbe.value(r)).get("status").asText()))
                    .containsExactly("PRESENTED", "SELECTED", "FORWARDED");
            JsonNode last = TestHttp.parse(KafkaProbe.value(ofWork.get(2)));
            assertThat(last.get("forwarding").get("documentRef").asText()).isEqualTo(LETTER);
            assertThat(last.get("forwarding").get("sentOn").asText()).isEqualTo("2020-08-03");
            assertThat(last.get("school").asText()).isEqualTo("31040001");
            assertThat(last.get("activity").asText()).isEqualTo(activity);
        }
    }

    @Test
    void forwarding_a_batch_with_a_work_not_selected_refuses_the_whole_batch_and_changes_and_publishes_nothing() {
        String activity = heldWorkshop("works-refused-batch");
        String chosen = present(activity, work("โรงเรียนสิ่งแวดล้อมดีเด่น", "ENVIRONMENT", "STUDENT"));
        String passedOver = present(activity, work("อาชีพจักสานในชุมชน", "OCCUPATION", "STAFF"));
        decide(chosen, true);
        decide(passedOver, false);
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long forwardings = count("SELECT count(*) FROM work_forwarding");

        TestHttp.Response refused = officer.post("/api/v1/works/forwardings", TestHttp.json(Map.of(
                "esa", "P31-4", "documentRef", LETTER, "sentOn", "2020-08-03", "works", List.of(chosen, passedOver))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("works[1]");
        assertThat(refused.json().get("detail").asText()).contains("NOT_SELECTED");
        JsonNode stillSelected = officer.get("/api/v1/works/" + chosen).json();
        assertThat(stillSelected.get("status").asText()).isEqualTo("SELECTED");
        assertThat(stillSelected.get("version").asLong()).isEqualTo(2);
        assertThat(absent(stillSelected.path("forwarding"))).isTrue();
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM work_forwarding")).isEqualTo(forwardings);
    }

    @Test
    void a_work_is_presented_only_at_a_held_or_reported_activity_and_only_from_a_school_of_its_esa() {
        String draft = draft("works-at-a-draft");
        String held = heldWorkshop("works-of-another-esa");
        long works = count("SELECT count(*) FROM work");

        TestHttp.Response tooEarly = officer.post("/api/v1/activities/" + draft + "/works",
                TestHttp.json(work("ผลงาน", "INNOVATION", "TEACHER")));
        TestHttp.Response foreign = officer.post("/api/v1/activities/" + held + "/works",
                TestHttp.json(with(work("ผลงาน", "INNOVATION", "TEACHER"), "school", "51910001")));

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("detail").asText()).contains("HELD or REPORTED", "DRAFT");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo("school");
        assertThat(foreign.json().get("detail").asText()).contains("belongs to P51-1, not to P31-4");
        assertThat(count("SELECT count(*) FROM work")).isEqualTo(works);
    }

    @Test
    void a_selection_on_a_stale_if_match_is_a_412_and_a_forwarded_work_is_decided_no_more() {
        String id = present(heldWorkshop("works-stale"), work("นวัตกรรม", "INNOVATION", "TEACHER"));
        decide(id, false);

        TestHttp.Response stale = officer.withHeader("If-Match", "\"1\"").post("/api/v1/works/" + id + "/selection",
                TestHttp.json(Map.of("selected", true)));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(officer.get("/api/v1/works/" + id).json().get("status").asText()).isEqualTo("NOT_SELECTED");

        TestHttp.Response again = officer.withHeader("If-Match", "\"2\"").post("/api/v1/works/" + id + "/selection",
                TestHttp.json(Map.of("selected", true)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("SELECTED");
        forward("P31-4", id);
        TestHttp.Response late = officer.post("/api/v1/works/" + id + "/selection",
                TestHttp.json(Map.of("selected", false)));
        assertThat(late.status()).isEqualTo(409);
        TestHttp.Response twice = officer.post("/api/v1/works/forwardings", TestHttp.json(Map.of(
                "esa", "P31-4", "documentRef", "ศธ 04142/9999", "sentOn", "2020-08-04", "works", List.of(id))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("errors").get(0).get("field").asText()).isEqualTo("works[0]");
        assertThat(twice.json().get("detail").asText()).contains("forwarded already");
    }

    @Test
    void an_officer_of_another_esa_cannot_present_select_or_forward_its_works() {
        String activity = heldWorkshop("works-guarded");
        String id = present(activity, work("นวัตกรรม", "INNOVATION", "TEACHER"));
        decide(id, true);
        TestHttp lamphun = officer.as(TestTokens.officer("P51-1"));
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        assertThat(lamphun.post("/api/v1/activities/" + activity + "/works",
                TestHttp.json(work("อื่น", "INNOVATION", "TEACHER"))).status()).isEqualTo(403);
        assertThat(lamphun.post("/api/v1/works/" + id + "/selection",
                TestHttp.json(Map.of("selected", false))).status()).isEqualTo(403);
        assertThat(lamphun.post("/api/v1/works/forwardings", TestHttp.json(Map.of("esa", "P31-4",
                "documentRef", LETTER, "sentOn", "2020-08-03", "works", List.of(id)))).status()).isEqualTo(403);
        TestHttp.Response asItsOwn = lamphun.post("/api/v1/works/forwardings", TestHttp.json(Map.of("esa", "P51-1",
                "documentRef", LETTER, "sentOn", "2020-08-03", "works", List.of(id))));
        assertThat(asItsOwn.status()).isEqualTo(422);
        assertThat(asItsOwn.json().get("errors").get(0).get("field").asText()).isEqualTo("works[0]");
        assertThat(officer.get("/api/v1/works/" + id).json().get("status").asText()).isEqualTo("SELECTED");
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void the_selected_works_of_an_esa_are_listed_waiting_to_be_forwarded() {
        String activity = heldWorkshop("works-listed");
        String selected = present(activity, work("ITA ออนไลน์", "ITA", "STAFF"));
        present(activity, work("ยังไม่ตัดสิน", "ITA", "STAFF"));
        decide(selected, true);

        JsonNode page = officer.get("/api/v1/works?esa=P31-4&activity=" + activity + "&status=SELECTED&track=ITA")
                .json();

        assertThat(page.get("items")).extracting(w -> w.get("id").asText()).containsExactly(selected);
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        assertThat(absent(page.get("items").get(0).path("history"))).isTrue();
    }

    private String heldWorkshop(String ref) {
        String id = draft(ref);
        for (String to : List.of("PLANNED", "HELD")) {
            TestHttp.Response moved = officer.post("/api/v1/activities/" + id + "/transitions",
                    TestHttp.json(Map.of("to", to)));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        return id;
    }

    private String draft(String ref) {
        TestHttp.Response drafted = officer.post("/api/v1/activities", TestHttp.json(Activities.buriramWorkshop(ref)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    private String present(String activity, Map<String, Object> body) {
        TestHttp.Response presented = officer.post("/api/v1/activities/" + activity + "/works", TestHttp.json(body));
        assertThat(presented.status()).as(presented.body()).isEqualTo(201);
        return presented.json().get("id").asText();
    }

    private void decide(String work, boolean selected) {
        TestHttp.Response decided = officer.post("/api/v1/works/" + work + "/selection",
                TestHttp.json(Map.of("selected", selected)));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private void forward(String esa, String... works) {
        TestHttp.Response forwarded = officer.post("/api/v1/works/forwardings", TestHttp.json(Map.of(
                "esa", esa, "documentRef", LETTER, "sentOn", "2020-08-03", "works", List.of(works))));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(201);
    }

    private static Map<String, Object> work(String title, String track, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("school", "31040001");
        body.put("title", title);
        body.put("track", track);
        body.put("presenterCategory", category);
        body.put("presenter", "นางสาวมะลิ ใจดี");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        return Activities.with(body, field, value);
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
