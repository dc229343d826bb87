package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.ContractSchemas;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/** Development plans (/api/v1/schools/{code}/plans, /api/v1/plans) and the academic calendar (/api/v1/academic-years). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningDevelopmentTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    private static final Map<String, Object> INNOVATION = target("INNOVATION", "นวัตกรรมการสอนอ่านออกเขียนได้ 1 ชิ้น",
            "นักเรียนชั้น ป.1 อ่านออกร้อยละ 90");
    private static final Map<String, Object> ITA = target("ITA", "ผ่านการประเมิน ITA online ระดับ A ขึ้นไป", null);
    /** Today (2026 or later) is in academic year 2569 or later; a plan may be for the current year or the next. */
    private static final int YEAR = 2569;

    private EmbeddedServer server;
    private TestHttp http;
    private TestHttp obec;
    private TestHttp officer;

    @BeforeAll
    void start() {
        server = infra.startService();
        http = new TestHttp(server.getURL().toString());
        obec = http.as(TestTokens.admin());
        officer = http.as(TestTokens.officer("P31-4"));
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
        for (String code : List.of("31040001", "31040002", "31040003", "31040004", "31040005", "31040006")) {
            var body = with(with(Fixtures.banHuaFai(), "code", code), "tambonCode", "3121" + code.substring(6));
            assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        }
        var lamphun = with(with(with(Fixtures.banHuaFai(), "code", "51010001"), "esa", "P51-1"), "tambonCode", "510101");
        assertThat(obec.post("/api/v1/schools", TestHttp.json(lamphun)).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_director_drafts_and_submits_the_plan_and_an_officer_of_its_esa_approves_it_each_change_announced() throws Exception {
        TestHttp director = http.as(TestTokens.director("31040001"));
        try (KafkaProbe probe = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            TestHttp.Response drafted = director.post("/api/v1/schools/31040001/plans", draft(YEAR, List.of(ITA, INNOVATION)));
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            assertThat(drafted.location()).isEqualTo("/api/v1/schools/31040001/plans/" + YEAR);
            assertThat(drafted.header("ETag")).isEqualTo("\"1\"");
            assertThat(drafted.json().get("targets").findValuesAsText("track")).containsExactly("INNOVATION", "ITA");
            assertThat(drafted.json().get("targets").get(0).get("trackTh").asText()).isEqualTo("1 โรงเรียน 1 นวัตกรรม");

            TestHttp.Response submitted = director.post(steps("31040001"), Fixtures.planStep("SUBMITTED", null));
            assertThat(submitted.status()).isEqualTo(200);
            TestHttp.Response approved = officer.withHeader("If-Match", submitted.header("ETag"))
                    .post(steps("31040001"), Fixtures.planStep("APPROVED", null));
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
            assertThat(approved.header("ETag")).isEqualTo("\"3\"");

            List<JsonNode> events = List.of(
                    data(probe.await(r -> isPlanEvent(r, "DRAFTED"), Duration.ofSeconds(20))),
                    data(probe.await(r -> isPlanEvent(r, "SUBMITTED"), Duration.ofSeconds(20))),
                    data(probe.await(r -> isPlanEvent(r, "APPROVED"), Duration.ofSeconds(20))));
            for (JsonNode event : events) {
                assertThat(new ContractSchemas().violations(EventType.DEVELOPMENT_PLAN_CHANGED, event)).isEmpty();
            }
            assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(events.get(2).get("targets").findValuesAsText("goal"))
                    .containsExactly("นวัตกรรมการสอนอ่านออกเขียนได้ 1 ชิ้น", "ผ่านการประเมิน ITA online ระดับ A ขึ้นไป");
        }
        JsonNode plan = http.as(TestTokens.viewer()).get("/api/v1/schools/31040001/plans/" + YEAR).json();
        assertThat(plan.get("history").findValuesAsText("change")).containsExactly("DRAFTED", "SUBMITTED", "APPROVED");
        assertThat(plan.get("history").findValuesAsText("recordedBy"))
                .containsExactly("director-31040001", "director-31040001", "officer-P31-4");
    }

    @Test
    void a_returned_plan_shows_its_reason_is_revised_and_submitted_again() {
        assertThat(obec.post("/api/v1/schools/31040002/plans", draft(YEAR, List.of(INNOVATION))).status()).isEqualTo(201);
        TestHttp.Response submitted = officer.post(steps("31040002"), Fixtures.planStep("SUBMITTED", null));
        assertThat(submitted.status()).isEqualTo(200);

        TestHttp.Response returned = officer.withHeader("If-Match", submitted.header("ETag"))
                .post(steps("31040002"), Fixtures.planStep("RETURNED", "เพิ่มเป้าหมายด้าน ITA"));
        assertThat(returned.json().get("returnReason").asText()).isEqualTo("เพิ่มเป้าหมายด้าน ITA");
        TestHttp.Response revised = officer.withHeader("If-Match", returned.header("ETag"))
                .put("/api/v1/schools/31040002/plans/" + YEAR, targets(List.of(INNOVATION, ITA)));
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        TestHttp.Response again = officer.post(steps("31040002"), Fixtures.planStep("SUBMITTED", null));

        assertThat(again.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(again.json().get("returnReason")).isNull();
        assertThat(again.json().get("history").findValuesAsText("change"))
                .containsExactly("DRAFTED", "SUBMITTED", "RETURNED", "REVISED", "SUBMITTED");
        assertThat(again.json().get("history").get(2).get("reason").asText()).isEqualTo("เพิ่มเป้าหมายด้าน ITA");
    }

    @Test
    void the_same_targets_again_change_publish_and_audit_nothing_and_a_stale_version_is_a_412() {
        assertThat(officer.post("/api/v1/schools/31040003/plans", draft(YEAR, List.of(INNOVATION))).status()).isEqualTo(201);
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long audited = count("SELECT count(*) FROM audit.audit_entry");

        TestHttp.Response same = officer.put("/api/v1/schools/31040003/plans/" + YEAR, targets(List.of(INNOVATION)));
        TestHttp.Response stale = officer.withHeader("If-Match", "\"7\"")
                .put("/api/v1/schools/31040003/plans/" + YEAR, targets(List.of(ITA)));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("errors").findValuesAsText("field")).containsExactly("If-Match");
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM audit.audit_entry")).isEqualTo(audited);
    }

    @Test
    void every_illegal_change_and_invalid_field_is_a_problem_naming_the_field_and_changes_nothing() {
        assertThat(officer.post("/api/v1/schools/31040004/plans", draft(YEAR, List.of())).status()).isEqualTo(201);
        long rows = writtenRows();

        assertField(officer.post(steps("31040004"), Fixtures.planStep("APPROVED", null)), 409, "status",
                "a plan that is DRAFT cannot become APPROVED");
        assertField(officer.post(steps("31040004"), Fixtures.planStep("SUBMITTED", null)), 422, "targets",
                "at least one target");
        assertField(officer.post("/api/v1/schools/31040004/plans", draft(YEAR, List.of(ITA))), 409, "academicYear",
                "already has a development plan for academic year " + YEAR);
        assertField(officer.post("/api/v1/schools/31040004/plans", draft(YEAR + 5, List.of(ITA))), 422, "academicYear",
                "at most one year ahead");
        assertField(officer.put("/api/v1/schools/31040004/plans/" + YEAR, targets(List.of(ITA, INNOVATION, ITA))), 422,
                "targets[2].track", "ITA has a target already");
        assertField(officer.put("/api/v1/schools/31040004/plans/" + YEAR,
                targets(List.of(target("SPORTS", "ฟุตบอล", null)))), 422, "targets[0].track", "must be INNOVATION");
        assertField(officer.put("/api/v1/schools/31040004/plans/" + YEAR,
                targets(List.of(target("ITA", " ", null)))), 422, "targets[0].goal", "");
        assertField(officer.post(steps("31040004"), Fixtures.planStep("DRAFT", null)), 422, "status", "must be SUBMITTED");
        assertField(officer.post("/api/v1/schools/39999999/plans", draft(YEAR, List.of(ITA))), 404, null, "No school");
        assertField(officer.post("/api/v1/schools/31040004/plans/2563/steps", Fixtures.planStep("SUBMITTED", null)), 404, null,
                "no development plan for academic year 2563");
        assertThat(writtenRows()).isEqualTo(rows);

        assertThat(officer.put("/api/v1/schools/31040004/plans/" + YEAR, targets(List.of(ITA))).status()).isEqualTo(200);
        assertThat(officer.post(steps("31040004"), Fixtures.planStep("SUBMITTED", null)).status()).isEqualTo(200);
        long submitted = writtenRows();
        assertField(officer.put("/api/v1/schools/31040004/plans/" + YEAR, targets(List.of(INNOVATION))), 409, "status",
                "a plan that is SUBMITTED cannot be changed");
        assertField(officer.post(steps("31040004"), Fixtures.planStep("RETURNED", " ")), 422, "reason", "needs the reason");
        assertThat(writtenRows()).isEqualTo(submitted);
    }

    @Test
    void a_submitted_or_approved_plan_sent_its_own_targets_again_is_a_409_like_any_change_of_it() {
        var school = with(with(Fixtures.banHuaFai(), "code", "31040007"), "tambonCode", "312107");
        assertThat(obec.post("/api/v1/schools", TestHttp.json(school)).status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/schools/31040007/plans", draft(YEAR, List.of(ITA))).status()).isEqualTo(201);
        assertThat(officer.withHeader("If-Match", "\"1\"").post(steps("31040007"), Fixtures.planStep("SUBMITTED", null)).status())
                .isEqualTo(200);
        long rows = writtenRows();

        TestHttp.Response submitted = officer.put("/api/v1/schools/31040007/plans/" + YEAR, targets(List.of(ITA)));
        assertThat(officer.withHeader("If-Match", "\"2\"").post(steps("31040007"), Fixtures.planStep("APPROVED", null)).status())
                .isEqualTo(200);
        long approvedRows = writtenRows();
        TestHttp.Response approved = officer.put("/api/v1/schools/31040007/plans/" + YEAR, targets(List.of(ITA)));

        assertField(submitted, 409, "status", "a plan that is SUBMITTED cannot be changed");
        assertField(approved, 409, "status", "a plan that is APPROVED cannot be changed");
        assertThat(approvedRows).isGreaterThan(rows);
        assertThat(writtenRows()).isEqualTo(approvedRows);
    }

    @Test
    void the_school_plans_and_submits_and_only_its_esa_or_obec_approves_or_returns() {
        String body = draft(YEAR, List.of(ITA));
        long rows = writtenRows();
        assertThat(http.as(TestTokens.director("31040001")).post("/api/v1/schools/31040005/plans", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.officer("P51-1")).post("/api/v1/schools/31040005/plans", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.viewer()).post("/api/v1/schools/31040005/plans", body).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/schools/31040005/plans", body).status()).isEqualTo(401);
        assertThat(writtenRows()).isEqualTo(rows);

        TestHttp director = http.as(TestTokens.director("31040005"));
        assertThat(director.post("/api/v1/schools/31040005/plans", body).status()).isEqualTo(201);
        assertThat(director.post(steps("31040005"), Fixtures.planStep("SUBMITTED", null)).status()).isEqualTo(200);
        long submitted = writtenRows();
        TestHttp.Response selfApproved = director.post(steps("31040005"), Fixtures.planStep("APPROVED", null));
        assertThat(selfApproved.status()).isEqualTo(403);
        assertThat(selfApproved.json().get("detail").asText()).contains("Only OBEC or an officer of P31-4 approves");
        assertThat(http.as(TestTokens.officer("P51-1")).post(steps("31040005"), Fixtures.planStep("RETURNED", "ไม่")).status()).isEqualTo(403);
        assertThat(writtenRows()).isEqualTo(submitted);
        assertThat(obec.withHeader("If-Match", "\"2\"").post(steps("31040005"), Fixtures.planStep("RETURNED", "ทบทวนตัวชี้วัด"))
                .status()).isEqualTo(200);
    }

    @Test
    void an_esa_lists_the_plans_waiting_for_it() {
        assertThat(officer.post("/api/v1/schools/31040006/plans", draft(YEAR, List.of(ITA))).status()).isEqualTo(201);
        assertThat(officer.post(steps("31040006"), Fixtures.planStep("SUBMITTED", null)).status()).isEqualTo(200);
        TestHttp lamphun = http.as(TestTokens.officer("P51-1"));
        assertThat(lamphun.post("/api/v1/schools/51010001/plans", draft(YEAR, List.of(ITA))).status()).isEqualTo(201);
        assertThat(lamphun.post(steps("51010001"), Fixtures.planStep("SUBMITTED", null)).status()).isEqualTo(200);

        JsonNode waiting = officer.get("/api/v1/plans?esa=P31-4&academicYear=" + YEAR + "&status=SUBMITTED").json();

        assertThat(waiting.get("items").findValuesAsText("esa")).isNotEmpty().containsOnly("P31-4");
        assertThat(waiting.get("items").findValuesAsText("status")).containsOnly("SUBMITTED");
        assertThat(waiting.get("items").findValuesAsText("school")).contains("31040006").doesNotContain("51010001");
        assertField(officer.get("/api/v1/plans?status=LATE"), 422, "status", "");
    }

    @Test
    void academic_year_2563_opened_on_1_july_2020_and_a_date_maps_to_its_year_and_semester() {
        TestHttp viewer = http.as(TestTokens.viewer());

        JsonNode year = viewer.get("/api/v1/academic-years/2563").json();
        JsonNode symposium = viewer.get("/api/v1/academic-years/on/2020-09-28").json();
        JsonNode years = viewer.get("/api/v1/academic-years?from=2562&to=2564").json();

        assertThat(year.get("opensOn").asText()).isEqualTo("2020-07-01");
        assertThat(year.get("opensOnTh").asText()).isEqualTo("1 กรกฎาคม 2563");
        assertThat(year.get("recorded").asBoolean()).isTrue();
        assertThat(year.get("lastDay").asText()).isEqualTo("2021-05-15");
        assertThat(symposium.get("academicYear").asInt()).isEqualTo(2563);
        assertThat(symposium.get("semester").asInt()).isEqualTo(1);
        assertThat(symposium.get("dateTh").asText()).isEqualTo("28 กันยายน 2563");
        assertThat(years.findValuesAsText("opensOn")).containsExactly("2019-05-16", "2020-07-01", "2021-05-16");
        assertThat(years.get(0).get("lastDay").asText()).isEqualTo("2020-06-30");
        assertField(viewer.get("/api/v1/academic-years?from=2565&to=2562"), 422, "to", "must not be before from");
    }

    private static void assertField(TestHttp.Response response, int status, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
            assertThat(response.json().get("errors").get(0).get("message").asText()).contains(detail);
        } else {
            assertThat(response.json().get("detail").asText()).contains(detail);
        }
    }

    private static Map<String, Object> target(String track, String goal, String indicator) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("track", track);
        target.put("goal", goal);
        if (indicator != null) {
            target.put("indicator", indicator);
        }
        return target;
    }

    private static String draft(int year, List<Map<String, Object>> targets) {
        return TestHttp.json(Map.of("academicYear", year, "targets", targets));
    }

    private static String targets(List<Map<String, Object>> targets) {
        return TestHttp.json(Map.of("targets", targets));
    }


    private static String steps(String school) {
        return "/api/v1/schools/" + school + "/plans/" + YEAR + "/steps";
    }

    private static boolean isPlanEvent(ConsumerRecord<String, byte[]> record, String change) {
        return ("31040001/" + YEAR).equals(record.key())
                && "th.tambon.school.plan-changed.v1".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE))
                && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains("\"change\":\"" + change + "\"");
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) throws Exception {
        return new ObjectMapper().readTree(record.value());
    }

    private static long writtenRows() {
        return count("SELECT (SELECT count(*) FROM development_plan) + (SELECT coalesce(sum(version), 0) FROM development_plan)"
                + " + (SELECT count(*) FROM development_plan_target) + (SELECT count(*) FROM development_plan_step)"
                + " + (SELECT count(*) FROM messaging.outbox_message) + (SELECT count(*) FROM audit.audit_entry)");
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
