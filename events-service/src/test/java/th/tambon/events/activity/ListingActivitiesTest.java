package th.tambon.events.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.events.Activities;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity list the gateway's views need: filters that combine, an order, pages that neither overlap nor skip. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingActivitiesTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp viewer;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        TestHttp http = new TestHttp(server.getURL().toString());
        viewer = http.as(TestTokens.viewer());
        TestHttp buriram = http.as(TestTokens.officer("P31-4"));
        // FY2563 ends on 2020-09-30: the PLC of 2020-10-05 is in FY2564
        draft(buriram, workshop("b-workshop", "WORKSHOP", "2020-07-21", List.of("INNOVATION")), "REPORTED");
        draft(buriram, workshop("b-plc", "PLC", "2020-10-05", List.of("ITA")), null);
        draft(buriram, workshop("b-visit", "SUPERVISION_VISIT", "2020-08-14", List.of("INNOVATION", "ITA")), "PLANNED");
        draft(buriram, workshop("b-meeting", "MEETING", "2019-10-01", List.of("OCCUPATION")), null);
        draft(http.as(TestTokens.officer("P51-1")), Activities.lamphunSymposium("l-symposium"), null);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_esas_activities_of_a_fiscal_year_come_latest_first() {
        JsonNode page = viewer.get("/api/v1/activities?esa=P31-4&fiscalYear=2563").json();

        assertThat(refs(page)).containsExactly("b-visit", "b-workshop", "b-meeting");
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void filters_by_state_type_track_dates_and_ref_combine() {
        assertThat(refs(viewer.get("/api/v1/activities?esa=P31-4&track=ITA&sort=startsOn").json()))
                .containsExactly("b-visit", "b-plc");
        assertThat(refs(viewer.get("/api/v1/activities?state=REPORTED").json())).containsExactly("b-workshop");
        assertThat(refs(viewer.get("/api/v1/activities?type=SYMPOSIUM").json())).containsExactly("l-symposium");
        assertThat(refs(viewer.get("/api/v1/activities?from=2020-08-01&to=2020-09-30&sort=ref").json()))
                .containsExactly("b-visit", "l-symposium");
        assertThat(refs(viewer.get("/api/v1/activities?esa=P31-4&ref=b-plc").json())).containsExactly("b-plc");
        assertThat(refs(viewer.get("/api/v1/activities?esa=P51-1&track=OCCUPATION").json())).isEmpty();
    }

    @Test
    void pages_of_two_cover_every_activity_once() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(refs(viewer.get("/api/v1/activities?size=2&sort=titleTh&page=" + page).json()));
        }

        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void an_unknown_sort_a_backwards_range_and_an_unknown_state_are_422s_naming_the_parameter() {
        TestHttp.Response sort = viewer.get("/api/v1/activities?sort=budget");
        TestHttp.Response range = viewer.get("/api/v1/activities?from=2020-09-30&to=2020-07-01");
        TestHttp.Response state = viewer.get("/api/v1/activities?state=DONE");

        assertThat(sort.status()).isEqualTo(422);
        assertThat(sort.json().get("errors").get(0).get("field").asText()).isEqualTo("sort");
        assertThat(range.status()).isEqualTo(422);
        assertThat(range.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
        assertThat(state.status()).isEqualTo(422);
        assertThat(state.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
    }

    @Test
    void a_school_director_lists_only_its_own_schools_esas_activities() {
        TestHttp director = viewer.as(TestTokens.director("31040001"));

        assertThat(refs(director.get("/api/v1/activities?sort=ref").json()))
                .containsExactly("b-meeting", "b-plc", "b-visit", "b-workshop");
        assertThat(director.get("/api/v1/activities?esa=P51-1").status()).isEqualTo(403);
    }

    private static Map<String, Object> workshop(String ref, String type, String day, List<String> tracks) {
        Map<String, Object> body = Activities.with(Activities.buriramWorkshop(ref), "type", type);
        body = Activities.with(body, "tracks", tracks);
        body = Activities.with(body, "start", day + "T09:00:00+07:00");
        return Activities.with(body, "end", day + "T16:00:00+07:00");
    }

    private static void draft(TestHttp officer, Map<String, Object> body, String until) {
        TestHttp.Response drafted = officer.post("/api/v1/activities", TestHttp.json(body));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        if (until == null) {
            return;
        }
        for (String to : List.of("PLANNED", "HELD", "REPORTED")) {
            assertThat(officer.post(drafted.location() + "/transitions", TestHttp.json(Map.of("to", to))).status())
                    .isEqualTo(200);
            if (to.equals(until)) {
                return;
            }
        }
    }

    private static List<String> refs(JsonNode page) {
        List<String> refs = new ArrayList<>();
        page.get("items").forEach(item -> refs.add(item.get("ref").asText()));
        return refs;
    }
}
