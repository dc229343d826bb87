package th.tambon.budget;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.saga.application.AnsweringFundingRequests;
import th.tambon.budget.saga.application.SettlingCommitments;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.PublishedEvents;
import th.tambon.testkit.PublishedEvents.Published;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract docs/topics.md states for budget.v1: every event on a key (an ESA's fiscal year, or an activity) carries
 * a version that only grows for that key. budget-service is taken through every event type it publishes, the fiscal
 * year's and the sagas' interleaved, and then every key's events in the order they are published (the outbox's) must
 * carry strictly growing versions, ce_subject the key. A type added to budget.v1 without being driven here fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneVersionSequencePerKeyTest {
    private static final String YEAR = "/api/v1/fiscal-years/2563/esas/P51-1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_event_on_a_key_carries_a_version_that_only_grows_for_that_key_whatever_its_type() throws Exception {
        AnsweringFundingRequests answering = server.getApplicationContext().getBean(AnsweringFundingRequests.class);
        SettlingCommitments settling = server.getApplicationContext().getBean(SettlingCommitments.class);
        ok(obec.put(YEAR + "/rounds/1", round("197000.00")));
        String committed = UUID.randomUUID().toString();
        ActivityFundingRequested asked = EventsFeed.requested(committed, 1, 1, "20000.00", 1, 1);
        answering.requested(asked);
        ok(obec.put(YEAR + "/rounds/2", round("21700.00")));
        answering.requested(EventsFeed.requested(UUID.randomUUID().toString(), 2, 1, "99999.00", 1, 1));
        answering.requested(EventsFeed.requested(committed, 1, 1, "20000.00", 1, 2));
        ok(obec.withHeader("If-Match", etag()).post(YEAR + "/rounds/1/revisions", TestHttp.json(Map.of(
                "lines", List.of(Map.of("line", 1, "amount", "190000.00")), "reason", "ปรับลดตามหนังสือ สพฐ."))));
        settling.costReported(EventsFeed.costReported(asked, "19500.00", LocalDate.of(2020, 9, 1), 3));
        ok(obec.withHeader("If-Match", etag()).post(YEAR + "/transfers", TestHttp.json(Map.of(
                "from", Map.of("round", 1, "line", 1), "to", Map.of("round", 2, "line", 1), "amount", "1000.00",
                "reason", "ย้ายไปจัด Symposium", "documentRef", "ศธ 04142/2345"))));
        String refused = UUID.randomUUID().toString();
        ActivityFundingRequested refusedAsked = EventsFeed.requested(refused, 2, 1, "22000.00", 1, 1);
        answering.requested(refusedAsked);
        settling.costReported(EventsFeed.costReported(refusedAsked, "50000.00", LocalDate.of(2020, 9, 28), 2));
        settling.released(EventsFeed.released(refusedAsked, true, 3));
        ok(obec.post(YEAR + "/expenditures", TestHttp.json(Map.of("round", 1, "line", 1, "amount", "500.00",
                "spentOn", "2020-08-01", "purposeTh", "ค่าเอกสารประชุม"))));
        String carried = UUID.randomUUID().toString();
        answering.requested(EventsFeed.requested(carried, 1, 1, "3000.00", 1, 1));
        String commitment = obec.get(YEAR + "/commitments?state=OPEN").json().get(0).get("id").asText();
        ok(obec.post(YEAR + "/commitments/" + commitment + "/carry-over", TestHttp.json(Map.of(
                "reference", "ศธ 04002/ว5678", "withObligation", true))));
        ok(obec.withHeader("If-Match", etag()).post(YEAR + "/closing", ""));

        Set<String> types = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(Topics.BUDGET_V1))
                .map(EventType::ceType).collect(Collectors.toSet());
        List<Published> published = PublishedEvents.assertVersionsGrowPerKey(infra.database(),
                Topics.BUDGET_V1, types);
        assertThat(published.stream().map(Published::key).collect(Collectors.toSet()))
                .as("the fiscal year's key and four activities'").contains("P51-1/2563", committed, refused, carried);
    }

    private String etag() {
        return obec.get(YEAR).header("ETag");
    }

    private static String round(String amount) {
        return TestHttp.json(Map.of("amount", amount, "lines", List.of(Map.of("line", 1, "category", "OPERATING",
                "purposeTh", "ค่าใช้จ่ายในการดำเนินงาน", "amount", amount))));
    }

    private static TestHttp.Response ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }
}
