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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.schools.Fixtures.with;

/** PUT/GET /api/v1/esas/{code}/network: one network per ESA, its chair and its members. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingNetworksTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp http;
    private TestHttp officer;

    @BeforeAll
    void start() {
        server = infra.startService();
        http = new TestHttp(server.getURL().toString());
        TestHttp obec = http.as(TestTokens.admin());
        officer = http.as(TestTokens.officer("P31-4"));
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.lamphun1())).status()).isEqualTo(201);
        school(obec, "31040001", "P31-4", "312104", true);
        school(obec, "31040002", "P31-4", "312105", true);
        school(obec, "31040003", "P31-4", "312106", true);
        school(obec, "31040009", "P31-4", "312107", false);
        school(obec, "51010001", "P51-1", "510101", true);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_officer_forms_the_network_chaired_by_ban_hua_fai_then_a_new_chair_is_recorded_and_announced() throws Exception {
        try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            TestHttp.Response formed = officer.put("/api/v1/esas/P31-4/network",
                    network("31040001", "ดร.จำปา จันทะสอน", List.of("31040002", "31040001")));
            assertThat(formed.status()).as(formed.body()).isEqualTo(200);
            assertThat(formed.json().get("chairSchoolNameTh").asText()).isEqualTo("โรงเรียนบ้านหัวฝาย");
            assertThat(formed.json().get("members").findValuesAsText("code")).containsExactly("31040001", "31040002");

            TestHttp.Response changed = officer.put("/api/v1/esas/P31-4/network",
                    network("31040002", "นายประธาน ใหม่", List.of("31040001", "31040002", "31040003")));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);

            JsonNode first = data(probe.await(r -> "P31-4".equals(r.key()) && isNetworkEvent(r)
                    && text(r).contains("\"formed\":true"), Duration.ofSeconds(20)));
            JsonNode second = data(probe.await(r -> "P31-4".equals(r.key()) && isNetworkEvent(r)
                    && text(r).contains("\"chairChanged\":true"), Duration.ofSeconds(20)));
            assertThat(new ContractSchemas().violations(EventType.NETWORK_CHANGED, first)).isEmpty();
            assertThat(first.get("chairPerson").asText()).isEqualTo("ดร.จำปา จันทะสอน");
            assertThat(second.get("previousChairSchool").asText()).isEqualTo("31040001");
            assertThat(second.get("membersAdded").get(0).asText()).isEqualTo("31040003");
            assertThat(second.get("version").asLong()).isGreaterThan(first.get("version").asLong());
        }
        JsonNode network = http.as(TestTokens.viewer()).get("/api/v1/esas/P31-4/network").json();
        assertThat(network.get("chairs").findValuesAsText("chairPerson")).containsExactly("ดร.จำปา จันทะสอน", "นายประธาน ใหม่");
        assertThat(network.get("chairs").findValuesAsText("recordedBy")).containsExactly("officer-P31-4", "officer-P31-4");
    }

    @Test
    void setting_the_network_it_already_has_publishes_and_audits_nothing() {
        String body = network("51010001", "ดร.สุวิทย์ มุกดาภิรมย์", List.of("51010001"));
        TestHttp obec = http.as(TestTokens.admin());
        assertThat(obec.put("/api/v1/esas/P51-1/network", body).status()).isEqualTo(200);
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");
        long audited = count("SELECT count(*) FROM audit.audit_entry");

        assertThat(obec.put("/api/v1/esas/P51-1/network", body).status()).isEqualTo(200);

        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM audit.audit_entry")).isEqualTo(audited);
    }

    @Test
    void a_member_from_another_esa_an_ordinary_school_or_a_chair_outside_the_members_is_a_422_naming_the_field() {
        long rows = count("SELECT (SELECT count(*) FROM network_member) + (SELECT count(*) FROM network_chair)");

        assertField(officer.put("/api/v1/esas/P31-4/network",
                network("31040001", "ประธาน", List.of("31040001", "51010001"))), 422, "members[1]", "school of P51-1");
        assertField(officer.put("/api/v1/esas/P31-4/network",
                network("31040001", "ประธาน", List.of("31040001", "31040009"))), 422, "members[1]", "not an active quality school");
        assertField(officer.put("/api/v1/esas/P31-4/network",
                network("31040003", "ประธาน", List.of("31040001"))), 422, "chairSchool", "must be one of the members");
        assertField(officer.put("/api/v1/esas/P31-4/network",
                network("31040001", "ประธาน", List.of("31040001", "3104"))), 422, "members[1]", "8-digit");
        assertField(officer.put("/api/v1/esas/P31-4/network",
                network("31040001", "ประธาน", List.of("31040001", "39999999"))), 404, "members[1]", "No school");

        assertThat(count("SELECT (SELECT count(*) FROM network_member) + (SELECT count(*) FROM network_chair)")).isEqualTo(rows);
    }

    @Test
    void only_obec_or_an_officer_of_the_esa_sets_its_network() {
        String body = network("31040001", "ใครก็ได้", List.of("31040001"));
        assertThat(http.as(TestTokens.officer("P51-1")).put("/api/v1/esas/P31-4/network", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.director("31040001")).put("/api/v1/esas/P31-4/network", body).status()).isEqualTo(403);
        assertThat(http.as(TestTokens.viewer()).put("/api/v1/esas/P31-4/network", body).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/esas/P31-4/network", body).status()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM network_chair WHERE chair_person = 'ใครก็ได้'")).isZero();
    }

    private static void assertField(TestHttp.Response response, int status, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains(detail);
    }

    private static void school(TestHttp obec, String code, String esa, String tambonCode, boolean quality) {
        var body = with(with(with(Fixtures.banHuaFai(), "code", code), "esa", esa), "tambonCode", tambonCode);
        if (!code.equals("31040001")) {
            body = with(body, "nameTh", "โรงเรียนทดสอบ " + code);
        }
        assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        if (quality) {
            assertThat(obec.post("/api/v1/schools/" + code + "/designations/in-force",
                    TestHttp.json(Map.of("designatedOn", "2019-06-01"))).status()).isEqualTo(201);
        }
    }

    private static String network(String chairSchool, String chairPerson, List<String> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chairSchool", chairSchool);
        body.put("chairPerson", chairPerson);
        body.put("members", members);
        return TestHttp.json(body);
    }

    private static boolean isNetworkEvent(ConsumerRecord<String, byte[]> record) {
        return "th.tambon.network.changed.v1".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE));
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) throws Exception {
        return new ObjectMapper().readTree(record.value());
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
