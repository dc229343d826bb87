package th.tambon.events.activity;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.events.Activities;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** events-service never works out an academic year by a rule of its own: it waits for schools-service's calendar. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftingBeforeTheCalendarTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = infra.startService();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_activity_drafted_before_the_calendar_arrives_is_a_503_to_retry_and_is_drafted_once_it_has() {
        SchoolsFeed feed = new SchoolsFeed(infra.kafkaBootstrapServers(), server);
        TestHttp officer = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P31-4"));
        feed.esa("P31-4", 31, "บุรีรัมย์", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4");
        feed.school("31040001", "โรงเรียนบ้านหัวฝาย", "P31-4", "บุรีรัมย์", "312104");
        String body = TestHttp.json(Activities.buriramWorkshop("workshop-before-calendar"));
        Eventually.await(Duration.ofSeconds(30), () -> assertThat(officer.get("/api/v1/replicas/schools/31040001")
                .status()).isEqualTo(200));

        TestHttp.Response early = officer.post("/api/v1/activities", body);
        feed.calendar();

        assertThat(early.status()).isEqualTo(503);
        assertThat(early.header("Retry-After")).isEqualTo("5");
        assertThat(early.json().get("detail").asText()).contains("academic calendar has not reached events-service");
        assertThat(infra.database().queryLong("SELECT count(*) FROM activity")).isZero();
        Eventually.await(Duration.ofSeconds(30), () -> assertThat(officer.post("/api/v1/activities", body).status())
                .isEqualTo(201));
        assertThat(officer.get("/api/v1/activities?ref=workshop-before-calendar").json().get("items").get(0)
                .get("academicYear").asInt()).isEqualTo(2563);
    }
}
