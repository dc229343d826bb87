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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/** PUT /api/v1/esas/{code} and PUT /api/v1/schools/{code}: who may, what is announced, and repeats that change nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdatingEsasAndSchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp http;

    @BeforeAll
    void start() {
        server = infra.startService();
        http = new TestHttp(server.getURL().toString());
        TestHttp obec = http.as(TestTokens.admin());
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/schools", TestHttp.json(Fixtures.banHuaFai())).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_officer_of_the_esa_names_its_director_and_schools_v1_announces_the_whole_esa_at_version_2() throws Exception {
        try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            TestHttp.Response updated = http.as(TestTokens.officer("P51-1"))
                    .put("/api/v1/esas/P51-1", TestHttp.json(esaDetails("ดร.สุวิทย์ มุกดาภิรมย์")));

            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().get("director").asText()).isEqualTo("ดร.สุวิทย์ มุกดาภิรมย์");
            assertThat(updated.json().get("version").asLong()).isEqualTo(2);
            assertThat(updated.header("ETag")).isEqualTo("\"2\"");
            ConsumerRecord<String, byte[]> event = probe.await(r -> "P51-1".equals(r.key())
                    && "th.tambon.esa.updated.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(new ContractSchemas().violations(EventType.ESA_UPDATED, data)).isEmpty();
            assertThat(data.get("director").asText()).isEqualTo("ดร.สุวิทย์ มุกดาภิรมย์");
            assertThat(data.get("version").asLong()).isEqualTo(2);
            assertThat(data.get("zone").asInt()).isEqualTo(1);
        }
        assertThat(http.as(TestTokens.viewer()).get("/api/v1/esas/P51-1").header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void the_same_update_again_stores_announces_and_audits_nothing() {
        TestHttp obec = http.as(TestTokens.admin());
        Map<String, Object> details = schoolDetails(300);
        assertThat(obec.put("/api/v1/schools/31040001", TestHttp.json(details)).status()).isEqualTo(200);
        long version = obec.get("/api/v1/schools/31040001").json().get("version").asLong();
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long audited = count("SELECT count(*) FROM audit.audit_entry");

        TestHttp.Response again = obec.put("/api/v1/schools/31040001", TestHttp.json(details));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(version);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM audit.audit_entry")).isEqualTo(audited);
    }

    @Test
    void a_school_update_is_announced_with_size_and_audited_with_who_made_it() throws Exception {
        try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            TestHttp.Response updated = http.as(TestTokens.director("31040001"))
                    .put("/api/v1/schools/31040001", TestHttp.json(schoolDetails(212)));

            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().get("students").asInt()).isEqualTo(212);
            ConsumerRecord<String, byte[]> event = probe.await(r -> "31040001".equals(r.key())
                    && "th.tambon.school.updated.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                    && r.value() != null && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("\"students\":212"),
                    Duration.ofSeconds(20));
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(new ContractSchemas().violations(EventType.SCHOOL_UPDATED, data)).isEmpty();
            assertThat(data.get("nameEn").asText()).isEqualTo("Ban Hua Fai School");
            assertThat(data.get("tambonCode").asText()).isEqualTo("312104");
        }
        JsonNode audit = http.as(TestTokens.admin()).get("/api/v1/audit?target=31040001&actor=director-31040001").json();
        assertThat(audit.get("items").findValuesAsText("command")).contains("UpdateSchool");
    }

    @Test
    void an_update_based_on_an_older_version_is_refused_with_412_and_changes_nothing() {
        TestHttp obec = http.as(TestTokens.admin());
        String etag = obec.get("/api/v1/schools/31040001").header("ETag");
        assertThat(obec.put("/api/v1/schools/31040001", TestHttp.json(schoolDetails(401))).status()).isEqualTo(200);

        TestHttp.Response stale = obec.withHeader("If-Match", etag)
                .put("/api/v1/schools/31040001", TestHttp.json(schoolDetails(402)));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(obec.get("/api/v1/schools/31040001").json().get("students").asInt()).isEqualTo(401);
        String current = obec.get("/api/v1/schools/31040001").header("ETag");
        assertThat(obec.withHeader("If-Match", current).put("/api/v1/schools/31040001",
                TestHttp.json(schoolDetails(403))).status()).isEqualTo(200);
        assertThat(obec.withHeader("If-Match", "version-seven").put("/api/v1/schools/31040001",
                TestHttp.json(schoolDetails(404))).status()).isEqualTo(422);
    }

    @Test
    void an_officer_or_director_of_another_esa_or_school_cannot_update_and_nothing_changes() {
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        assertThat(http.as(TestTokens.officer("P51-1")).put("/api/v1/schools/31040001",
                TestHttp.json(schoolDetails(9))).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.director("31040002")).put("/api/v1/schools/31040001",
                TestHttp.json(schoolDetails(9))).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.officer("P31-4")).put("/api/v1/esas/P51-1",
                TestHttp.json(esaDetails("ไม่ควรเปลี่ยน"))).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.director("31040001")).put("/api/v1/esas/P31-4",
                TestHttp.json(esaDetails("ไม่ควรเปลี่ยน"))).status()).isEqualTo(403);

        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM school WHERE students = 9")).isZero();
    }

    @Test
    void updating_what_does_not_exist_is_a_404_and_a_bad_field_a_422_naming_it() {
        TestHttp obec = http.as(TestTokens.admin());
        assertThat(obec.put("/api/v1/schools/39999999", TestHttp.json(schoolDetails(1))).status()).isEqualTo(404);
        assertThat(obec.put("/api/v1/esas/P99-9", TestHttp.json(esaDetails(null))).status()).isEqualTo(404);

        TestHttp.Response negative = obec.put("/api/v1/schools/31040001", TestHttp.json(schoolDetails(-1)));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").findValuesAsText("field")).containsExactly("students");
        TestHttp.Response blank = obec.put("/api/v1/esas/P31-4", TestHttp.json(with(esaDetails(null), "nameTh", " ")));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").findValuesAsText("field")).containsExactly("nameTh");
    }

    @Test
    void a_school_whose_tambon_is_outside_the_esas_province_is_refused_naming_tambon_code() {
        TestHttp.Response refused = http.as(TestTokens.admin()).post("/api/v1/schools",
                TestHttp.json(with(with(Fixtures.banHuaFai(), "code", "51049999"), "esa", "P51-1")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("tambonCode");
        assertThat(refused.json().get("detail").asText()).contains("province 51");
        assertThat(count("SELECT count(*) FROM school WHERE code = '51049999'")).isZero();
    }

    private static Map<String, Object> esaDetails(String director) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        body.put("nameEn", "Lamphun Primary Educational Service Area Office 1");
        body.put("director", director);
        return body;
    }

    private static Map<String, Object> schoolDetails(int students) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameTh", "โรงเรียนบ้านหัวฝาย");
        body.put("nameEn", "Ban Hua Fai School");
        body.put("province", "บุรีรัมย์");
        body.put("district", "แคนดง");
        body.put("tambon", "หัวฝาย");
        body.put("director", "ดร.จำปา จันทะสอน");
        body.put("students", students);
        body.put("teachers", 14);
        return body;
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
