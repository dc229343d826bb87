package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today is the date in Bangkok, read from the service's one Clock bean: at 00:30 on 1 October 2020 in Bangkok it is
 * still 30 September in UTC, and the registry must already judge by 1 October (fiscal year 2564, semester 2 of 2563).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgingTodayInBangkokTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    /** 2020-10-01T00:30+07:00. */
    private static final Instant HALF_PAST_MIDNIGHT_IN_BANGKOK = Instant.parse("2020-09-30T17:30:00Z");
    /** 2020-09-30T23:59:59+07:00. */
    private static final Instant LAST_SECOND_OF_SEPTEMBER_IN_BANGKOK = Instant.parse("2020-09-30T16:59:59Z");

    private EmbeddedServer server;
    private SettableClock clock;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService(Map.of(SettableClock.PROPERTY, "true"));
        clock = server.getApplicationContext().getBean(SettableClock.class);
        clock.set(HALF_PAST_MIDNIGHT_IN_BANGKOK);
        // the earliest moment the clock is set to, for an hour: the service judges the token by its clock too
        obec = new TestHttp(server.getURL().toString())
                .as(SettableClock.adminTokenIssuedAt(LAST_SECOND_OF_SEPTEMBER_IN_BANGKOK.minusSeconds(60)));
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.primaryEsa("34", 1))).status()).isEqualTo(201);
        for (String code : List.of("34010001", "34010002", "34010003", "34010004")) {
            var body = Fixtures.school(code, "P34-1", "34010" + code.charAt(7));
            assertThat(obec.post("/api/v1/schools", TestHttp.json(body)).status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_change_is_stamped_with_the_services_clock() {
        clock.set(HALF_PAST_MIDNIGHT_IN_BANGKOK);

        JsonNode school = obec.get("/api/v1/schools/34010001").json();

        assertThat(school.get("registeredAt").asText()).isEqualTo("2020-09-30T17:30:00Z");
        assertThat(obec.get("/api/v1/audit?target=34010001").json().get("items").get(0).get("recordedAt").asText())
                .as("the audit trail reads the same clock").isEqualTo("2020-09-30T17:30:00Z");
    }

    @Test
    void at_half_past_midnight_in_bangkok_a_nomination_may_be_dated_1_october_but_not_2_october() {
        clock.set(HALF_PAST_MIDNIGHT_IN_BANGKOK);

        TestHttp.Response tomorrow = nominate("34010001", "2020-10-02");
        TestHttp.Response today = nominate("34010001", "2020-10-01");

        assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(422);
        assertThat(tomorrow.json().get("errors").get(0).get("message").asText())
                .contains("cannot be dated after today (2020-10-01)");
        assertThat(today.status()).as(today.body()).isEqualTo(201);
    }

    @Test
    void in_the_last_second_of_september_in_bangkok_1_october_is_still_tomorrow() {
        clock.set(LAST_SECOND_OF_SEPTEMBER_IN_BANGKOK);

        TestHttp.Response refused = nominate("34010002", "2020-10-01");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("(2020-09-30)");
    }

    @Test
    void the_quality_schools_of_today_are_those_active_on_1_october_in_bangkok() {
        clock.set(HALF_PAST_MIDNIGHT_IN_BANGKOK);
        TestHttp.Response recorded = obec.post("/api/v1/schools/34010003/designations/in-force",
                TestHttp.json(Map.of("designatedOn", "2020-10-01")));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        JsonNode today = obec.get("/api/v1/quality-schools?esa=P34-1").json();

        assertThat(today.get("items").findValuesAsText("activeOn")).containsOnly("2020-10-01");
        assertThat(today.get("items").findValuesAsText("school")).contains("34010003");
    }

    @Test
    void a_plan_is_made_for_the_academic_year_of_today_in_bangkok_or_the_next() {
        clock.set(HALF_PAST_MIDNIGHT_IN_BANGKOK);
        String targets = "{\"academicYear\": %d, \"targets\": []}";

        TestHttp.Response tooFar = obec.post("/api/v1/schools/34010004/plans", targets.formatted(2565));
        TestHttp.Response next = obec.post("/api/v1/schools/34010004/plans", targets.formatted(2564));
        JsonNode years = obec.get("/api/v1/academic-years").json();

        assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(422);
        assertThat(tooFar.json().get("errors").get(0).get("message").asText()).contains("academic year 2563 or 2564");
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(years.findValuesAsText("year")).containsExactly("2562", "2563", "2564");
    }

    private TestHttp.Response nominate(String school, String on) {
        return obec.post("/api/v1/schools/" + school + "/designations", TestHttp.json(Map.of("on", on)));
    }
}
