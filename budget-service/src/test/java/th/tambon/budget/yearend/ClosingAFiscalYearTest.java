package th.tambon.budget.yearend;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.EventsFeed;
import th.tambon.contracts.Topics;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year end of Lamphun 1's fiscal year 2563, with a real broker and database: closing takes If-Match and every open
 * commitment carried over; a carried-over commitment is spent after 30 September; a closed year takes nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosingAFiscalYearTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String YEAR = "/api/v1/fiscal-years/2563/esas/P51-1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp obec;
    private TestHttp lamphun;
    private EventsFeed events;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        lamphun = new TestHttp(server.getURL().toString()).as(TestTokens.officer("P51-1"));
        events = new EventsFeed(infra.kafkaBootstrapServers(), server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_year_closes_once_its_open_commitments_are_carried_over_and_then_takes_nothing_but_their_spending() {
        assertThat(obec.put(YEAR + "/rounds/1", TestHttp.json(Map.of("amount", "50000.00", "lines", List.of(
                Map.of("line", 1, "category", "OPERATING", "purposeTh", "ค่าใช้จ่ายในการดำเนินงาน", "amount",
                        "50000.00"))))).status()).isEqualTo(201);
        String spent = UUID.randomUUID().toString();
        String open = UUID.randomUUID().toString();
        ActivityFundingRequested spentAsked = EventsFeed.requested(spent, 1, 1, "10000.00", 1, 1);
        ActivityFundingRequested openAsked = EventsFeed.requested(open, 1, 1, "5000.00", 1, 1);
        try (KafkaProbe budget = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.BUDGET_V1)) {
            events.publish(spentAsked);
            events.publish(openAsked);
            answer(budget, spent, "th.tambon.budget.funds-committed.v1");
            answer(budget, open, "th.tambon.budget.funds-committed.v1");
            events.publish(EventsFeed.costReported(spentAsked, "10000.00", LocalDate.of(2020, 9, 1), 2));
            answer(budget, spent, "th.tambon.budget.expenditure-recorded.v1");

            String etag = obec.get(YEAR + "/rounds/1").header("ETag");
            assertThat(lamphun.post(YEAR + "/closing", "").status()).as("no If-Match").isEqualTo(428);
            assertThat(lamphun.post(YEAR + "/closing", "", Map.of("If-Match", "\"999\"")).status()).isEqualTo(412);
            assertThat(lamphun.post(YEAR + "/closing", "", Map.of("If-Match", "*")).status())
                    .as("* names no version the closing was decided on").isEqualTo(428);
            TestHttp.Response refused = lamphun.post(YEAR + "/closing", "", Map.of("If-Match", etag));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode commitments = lamphun.get(YEAR + "/commitments?state=OPEN").json();
            assertThat(commitments).hasSize(1);
            String commitment = commitments.get(0).get("id").asText();
            assertThat(refused.body()).contains(commitment);

            TestHttp.Response carried = lamphun.post(YEAR + "/commitments/" + commitment + "/carry-over",
                    TestHttp.json(Map.of("reference", "ศธ 04002/ว5678", "withObligation", true)));
            assertThat(carried.status()).as(carried.body()).isEqualTo(200);
            assertThat(carried.json().get("carriedOverRef").asText()).isEqualTo("ศธ 04002/ว5678");
            assertThat(answer(budget, open, "th.tambon.budget.commitment-carried-over.v1").get("version").asLong())
                    .isEqualTo(2);

            TestHttp.Response closed = lamphun.post(YEAR + "/closing", "", Map.of("If-Match", etag));
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            assertThat(closed.json().get("allocated").decimalValue()).isEqualByComparingTo("50000.00");
            assertThat(closed.json().get("spent").decimalValue()).isEqualByComparingTo("10000.00");
            assertThat(closed.json().get("carriedOver").decimalValue()).isEqualByComparingTo("5000.00");
            assertThat(closed.json().get("lapsed").decimalValue()).isEqualByComparingTo("35000.00");
            ConsumerRecord<String, byte[]> event = budget.await(r -> "P51-1/2563".equals(r.key())
                    && "th.tambon.budget.fiscal-year-closed.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    WAIT);
            assertThat(TestHttp.parse(KafkaProbe.value(event)).get("lapsed").decimalValue())
                    .isEqualByComparingTo("35000.00");

            String late = UUID.randomUUID().toString();
            events.publish(EventsFeed.requested(late, 1, 1, "100.00", 1, 1));
            assertThat(answer(budget, late, "th.tambon.budget.funding-rejected.v1").get("reason").asText())
                    .isEqualTo("FISCAL_YEAR_CLOSED");
            assertThat(obec.put(YEAR + "/rounds/2", TestHttp.json(Map.of("amount", "100.00", "lines", List.of(
                    Map.of("line", 1, "category", "OPERATING", "purposeTh", "เพิ่มเติม", "amount", "100.00")))))
                    .status()).isEqualTo(409);

            events.publish(EventsFeed.costReported(openAsked, "5000.01", LocalDate.of(2020, 11, 15), 2));
            assertThat(answer(budget, open, "th.tambon.budget.expenditure-refused.v1").get("reason").asText())
                    .as("a closed year's lapsed money is not drawn on").isEqualTo("FISCAL_YEAR_CLOSED");
            events.publish(EventsFeed.costReported(openAsked, "4800.00", LocalDate.of(2020, 11, 15), 3));
            JsonNode recorded = answer(budget, open, "th.tambon.budget.expenditure-recorded.v1");
            assertThat(recorded.get("spentOn").asText()).isEqualTo("2020-11-15");
            assertThat(recorded.get("released").decimalValue()).isEqualByComparingTo("200.00");
        }
        JsonNode line = obec.get(YEAR + "/rounds/1").json().get("lines").get(0);
        assertThat(line.get("spent").decimalValue()).isEqualByComparingTo("14800.00");
        assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void a_fiscal_year_is_not_closed_before_its_last_day_has_passed_in_bangkok() {
        String year = "/api/v1/fiscal-years/2643/esas/P51-1";
        assertThat(obec.put(year + "/rounds/1", TestHttp.json(Map.of("amount", "1000.00", "lines", List.of(
                Map.of("line", 1, "category", "OPERATING", "purposeTh", "ค่าใช้จ่ายในการดำเนินงาน", "amount",
                        "1000.00"))))).status()).isEqualTo(201);
        String etag = obec.get(year).header("ETag");

        TestHttp.Response early = lamphun.post(year + "/closing", "", Map.of("If-Match", etag));

        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("2100-09-30");
        assertThat(obec.get(year).json().get("closed").asBoolean()).isFalse();
    }

    private static JsonNode answer(KafkaProbe budget, String activity, String type) {
        ConsumerRecord<String, byte[]> found = budget.await(r -> activity.equals(r.key())
                && type.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), WAIT);
        return TestHttp.parse(KafkaProbe.value(found));
    }
}
