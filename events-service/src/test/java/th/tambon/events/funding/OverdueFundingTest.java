package th.tambon.events.funding;

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
import th.tambon.events.SettableClock;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A funding request budget-service does not answer within the deadline (15 minutes) is overdue: listed for OBEC and
 * the ESA's officers, counted by the gauge tambon.events.funding.overdue, until someone asks again, which publishes
 * the same request anew. Time passes by the service's clock, which the test runs ahead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueFundingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern GAUGE = Pattern.compile("(?m)^tambon_events_funding_overdue(?:\\{[^}]*})? (\\S+)$");

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private SettableClock clock;
    private TestHttp lamphun;

    @BeforeAll
    void start() {
        server = infra.startService(Map.of(SettableClock.PROPERTY, "true"));
        clock = server.getApplicationContext().getBean(SettableClock.class);
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        lamphun = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P51-1"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_unanswered_past_the_deadline_is_listed_and_counted_until_it_is_asked_again() {
        String id = plannedSymposium("symposium-overdue");
        clock.advance(Duration.ofMinutes(14));
        assertThat(overdue(lamphun).get("items")).as("within the deadline").isEmpty();
        assertThat(gauge()).isZero();

        clock.advance(Duration.ofMinutes(2));

        JsonNode list = overdue(lamphun);
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        JsonNode late = list.get("items").get(0);
        assertThat(late.get("id").asText()).isEqualTo(id);
        assertThat(late.get("esa").asText()).isEqualTo("P51-1");
        assertThat(late.get("ref").asText()).isEqualTo("symposium-overdue");
        assertThat(late.get("titleTh").asText()).startsWith("กิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium)");
        assertThat(late.get("line").asInt()).isEqualTo(1);
        assertThat(late.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(late.get("request").asInt()).isEqualTo(1);
        assertThat(late.get("waitingSeconds").asLong()).isBetween(16 * 60L, 17 * 60L);
        assertThat(late.get("waitingFor").asText()).startsWith("PT16M");
        assertThat(overdue(lamphun.as(TestTokens.admin())).get("totalItems").asLong()).isEqualTo(1);
        assertThat(gauge()).isEqualTo(1);

        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response again = lamphun.post("/api/v1/activities/" + id + "/funding/retry", "");

            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("request").asInt()).isEqualTo(1);
            assertThat(again.json().get("version").asLong()).isEqualTo(2);
            ConsumerRecord<String, byte[]> asked = events.await(r -> (id + "/funding").equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(asked, CloudEventHeaders.TYPE))
                    .isEqualTo("th.tambon.activity.funding-requested.v1");
            JsonNode request = TestHttp.parse(KafkaProbe.value(asked));
            assertThat(request.get("request").asInt()).as("the same request").isEqualTo(1);
            assertThat(request.get("version").asLong()).isEqualTo(2);
            assertThat(Instant.parse(request.get("requestedAt").asText()))
                    .isAfter(Instant.parse(late.get("requestedAt").asText()).plus(Duration.ofMinutes(16)));
        }
        assertThat(overdue(lamphun).get("items")).isEmpty();
        assertThat(gauge()).isZero();
        JsonNode activity = lamphun.get("/api/v1/activities/" + id).json();
        assertThat(activity.get("state").asText()).isEqualTo("FUNDING_REQUESTED");
        assertThat(activity.get("version").asLong()).as("the activity itself did not change").isEqualTo(2);
        assertThat(activity.get("history").findValuesAsText("change"))
                .containsExactly("DRAFTED", "FUNDING_REQUESTED", "FUNDING_REQUESTED_AGAIN");
        assertThat(activity.get("history").get(2).get("recordedBy").asText()).isEqualTo("officer-P51-1");
    }

    @Test
    void an_officer_sees_the_overdue_funding_of_its_own_esa_only() {
        String id = plannedSymposium("symposium-overdue-of-lamphun");
        clock.advance(Duration.ofMinutes(16));
        TestHttp buriram = lamphun.as(TestTokens.officer("P31-4"));
        TestHttp obec = lamphun.as(TestTokens.admin());
        try {
            TestHttp.Response foreign = buriram.get("/api/v1/activities/funding/overdue?esa=P51-1");
            TestHttp.Response viewer = lamphun.as(TestTokens.viewer()).get("/api/v1/activities/funding/overdue");

            assertThat(foreign.status()).isEqualTo(403);
            assertThat(viewer.status()).isEqualTo(403);
            assertThat(overdue(buriram).get("items")).as("Buriram's officer, without esa").isEmpty();
            assertThat(overdue(lamphun).get("items").findValuesAsText("id")).containsExactly(id);
            assertThat(overdue(obec, "?esa=P31-4").get("items")).isEmpty();
            assertThat(overdue(obec, "?esa=P51-1").get("items").findValuesAsText("id")).containsExactly(id);
        } finally {
            // cancelled, it no longer waits (and its request is released): the other test counts from zero
            lamphun.post("/api/v1/activities/" + id + "/transitions",
                    TestHttp.json(Map.of("to", "CANCELLED", "reason", "ทดสอบ")));
        }
    }

    private String plannedSymposium(String ref) {
        TestHttp.Response drafted = lamphun.post("/api/v1/activities", TestHttp.json(Activities.lamphunSymposium(ref)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        TestHttp.Response planned = lamphun.post("/api/v1/activities/" + id + "/transitions",
                TestHttp.json(Map.of("to", "PLANNED")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        // its first request published, so that a probe opened after this sees only what comes later
        Eventually.await(WAIT, () -> assertThat(infra.database()
                .queryLong("SELECT count(*) FROM messaging.outbox_message WHERE sent_at IS NULL")).isZero());
        return id;
    }

    private static JsonNode overdue(TestHttp as) {
        return overdue(as, "");
    }

    private static JsonNode overdue(TestHttp as, String query) {
        TestHttp.Response list = as.get("/api/v1/activities/funding/overdue" + query);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    private double gauge() {
        String metrics = new TestHttp(server.getURL().toString()).get("/prometheus").body();
        Matcher value = GAUGE.matcher(metrics);
        assertThat(value.find()).as("tambon_events_funding_overdue on /prometheus").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
