package th.tambon.events.ita;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ITA results of schools and ESAs per fiscal year, through events-service's HTTP API and events.v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingItaResultsTest {
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
    void a_school_result_is_recorded_with_its_level_announced_on_its_own_key_and_the_same_again_changes_nothing() {
        String key = "ita/31040001/2563";
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response recorded = put("school/31040001/2563", "{\"score\": 94.99, \"iit\": 96.5, \"oit\": 95}");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
            assertThat(recorded.json().get("level").asText()).isEqualTo("A");
            assertThat(recorded.json().get("esa").asText()).isEqualTo("P31-4");
            assertThat(recorded.json().get("iit").decimalValue()).isEqualByComparingTo("96.50");
            long outbox = count("SELECT count(*) FROM messaging.outbox_message");

            TestHttp.Response again = put("school/31040001/2563", "{\"score\": 94.99, \"iit\": 96.50, \"oit\": 95.00}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("ETag")).isEqualTo("\"1\"");
            assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);

            TestHttp.Response raised = put("school/31040001/2563", "{\"score\": 95.00, \"iit\": 96.5, \"oit\": 95}");
            assertThat(raised.status()).isEqualTo(200);
            assertThat(raised.json().get("level").asText()).isEqualTo("AA");
            assertThat(raised.header("ETag")).isEqualTo("\"2\"");

            events.await(r -> key.equals(r.key()) && KafkaProbe.value(r).contains("\"version\":2"),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> ofResult = events.records(Duration.ofMillis(300)).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(ofResult).allSatisfy(r -> assertThat(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                    .isEqualTo("th.tambon.ita.result-recorded.v1"));
            assertThat(ofResult.stream().map(r -> TestHttp.parse(KafkaProbe.value(r)).get("version").asLong()))
                    .containsExactly(1L, 2L);
            JsonNode first = TestHttp.parse(KafkaProbe.value(ofResult.get(0)));
            assertThat(first.get("level").asText()).isEqualTo("A");
            assertThat(first.get("score").decimalValue()).isEqualByComparingTo("94.99");
            assertThat(first.get("subjectType").asText()).isEqualTo("SCHOOL");
        }
    }

    @Test
    void a_score_over_100_or_with_three_decimals_is_a_422_naming_it_and_stores_and_publishes_nothing() {
        long results = count("SELECT count(*) FROM ita_result");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response over = put("esa/P31-4/2564", "{\"score\": 100.01}");
        TestHttp.Response tooFine = put("esa/P31-4/2564", "{\"score\": 95.123}");
        TestHttp.Response instrument = put("esa/P31-4/2564", "{\"score\": 95.12, \"eit\": 100.01}");

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("errors").findValuesAsText("field")).containsExactly("score");
        assertThat(tooFine.status()).isEqualTo(422);
        assertThat(tooFine.json().get("errors").findValuesAsText("field")).containsExactly("score");
        assertThat(instrument.status()).isEqualTo(422);
        assertThat(instrument.json().get("errors").findValuesAsText("field")).containsExactly("eit");
        assertThat(count("SELECT count(*) FROM ita_result")).isEqualTo(results);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void the_levels_turn_at_their_bounds_94_99_is_a_95_00_is_aa_and_49_99_is_f() {
        assertThat(put("school/31040001/2565", "{\"score\": 94.99}").json().get("level").asText()).isEqualTo("A");
        assertThat(put("esa/P31-4/2565", "{\"score\": 95.00}").json().get("level").asText()).isEqualTo("AA");
        assertThat(put("school/31040001/2566", "{\"score\": 49.99}").json().get("level").asText()).isEqualTo("F");

        JsonNode listed = officer.get("/api/v1/ita-results?esa=P31-4&fiscalYear=2565").json();
        assertThat(listed.get("items").findValuesAsText("code")).containsExactly("P31-4", "31040001");
        assertThat(officer.get("/api/v1/ita-results?fiscalYear=2566&level=F").json().get("items")
                .findValuesAsText("code")).containsExactly("31040001");
        assertThat(officer.get("/api/v1/ita-results/school/31040001/2566").header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void a_change_on_a_stale_if_match_is_a_412_and_changes_nothing() {
        assertThat(put("esa/P31-4/2567", "{\"score\": 80}").status()).isEqualTo(201);
        TestHttp.Response changed = officer.withHeader("If-Match", "\"1\"").put("/api/v1/ita-results/esa/P31-4/2567",
                "{\"score\": 86}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response stale = officer.withHeader("If-Match", "\"1\"").put("/api/v1/ita-results/esa/P31-4/2567",
                "{\"score\": 70}");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        JsonNode result = officer.get("/api/v1/ita-results/esa/P31-4/2567").json();
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("86.00");
        assertThat(result.get("level").asText()).isEqualTo("A");
        assertThat(result.get("version").asLong()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void an_officer_of_another_esa_cannot_record_the_results_of_an_esa_or_its_schools() {
        TestHttp lamphun = officer.as(TestTokens.officer("P51-1"));
        long results = count("SELECT count(*) FROM ita_result");

        TestHttp.Response school = lamphun.put("/api/v1/ita-results/school/31040001/2568", "{\"score\": 90}");
        TestHttp.Response esa = lamphun.put("/api/v1/ita-results/esa/P31-4/2568", "{\"score\": 90}");

        assertThat(school.status()).isEqualTo(403);
        assertThat(esa.status()).isEqualTo(403);
        assertThat(lamphun.put("/api/v1/ita-results/school/51910001/2568", "{\"score\": 90}").status())
                .isEqualTo(201);
        assertThat(count("SELECT count(*) FROM ita_result")).isEqualTo(results + 1);
    }

    private TestHttp.Response put(String path, String body) {
        return officer.put("/api/v1/ita-results/" + path, body);
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
