package th.tambon.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.budget.CommitmentCarriedOver;
import th.tambon.contracts.budget.CommitmentReleased;
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.contracts.budget.ExpenditureRefused;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.contracts.budget.FundsCommitted;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.testkit.kafka.ConsumerGroups;
import th.tambon.testkit.kafka.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;


/**
 * What budget-service will answer to events-service's funding requests and cost reports, sent to budget.v1 with a real
 * producer and budget-service's {@code ce_source}, built from the request or report as events-service published it.
 */
public final class BudgetFeed {
    public static final String GROUP = "events-service.funding-replies";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final EmbeddedServer server;

    public BudgetFeed(String bootstrapServers, EmbeddedServer server) {
        this.bootstrapServers = bootstrapServers;
        this.server = server;
    }

    /** budget-service's commitment of what {@code request} (an activity.funding-requested.v1's data) asked for. */
    public static FundsCommitted committed(JsonNode request, long version) {
        return new FundsCommitted(request.get("activity").asText(), request.get("esa").asText(),
                request.get("fiscalYear").asInt(), request.get("round").asInt(), request.get("line").asInt(),
                new BigDecimal(request.get("amount").asText()), request.get("request").asInt(),
                UUID.randomUUID().toString(), Instant.now(), version);
    }

    /** budget-service's refusal of what {@code request} asked for. */
    public static FundingRejected rejected(JsonNode request, String reason, String message, long version) {
        return new FundingRejected(request.get("activity").asText(), request.get("esa").asText(),
                request.get("fiscalYear").asInt(), request.get("round").asInt(), request.get("line").asInt(),
                new BigDecimal(request.get("amount").asText()), request.get("request").asInt(), reason, message,
                Instant.now(), version);
    }

    /**
     * budget-service's recording of the cost {@code report} (an activity.cost-reported.v1's data) gave, on its
     * {@code spentOn}: what was committed but not spent is released.
     */
    public static ExpenditureRecorded recorded(JsonNode report, long version) {
        BigDecimal committed = new BigDecimal(report.get("amount").asText());
        BigDecimal spent = new BigDecimal(report.get("actualCost").asText());
        return new ExpenditureRecorded(UUID.randomUUID().toString(), report.get("esa").asText(),
                report.get("fiscalYear").asInt(), report.get("round").asInt(), report.get("line").asInt(), spent,
                LocalDate.parse(report.get("spentOn").asText()), report.get("activity").asText(),
                report.get("request").asInt(), UUID.randomUUID().toString(), committed,
                committed.subtract(spent).max(BigDecimal.ZERO), "ค่าใช้จ่ายในการจัดกิจกรรม", null, "budget-service",
                Instant.now(), version);
    }

    /** budget-service's refusal to record the cost {@code report} gave. */
    public static ExpenditureRefused refused(JsonNode report, String reason, String message, long version) {
        return new ExpenditureRefused(report.get("activity").asText(), report.get("esa").asText(),
                report.get("fiscalYear").asInt(), report.get("round").asInt(), report.get("line").asInt(),
                new BigDecimal(report.get("amount").asText()), new BigDecimal(report.get("actualCost").asText()),
                report.get("request").asInt(), reason, message, Instant.now(), version);
    }

    /** budget-service's release of what it committed for {@code request} (a funding-requested.v1's data). */
    public static CommitmentReleased released(JsonNode request, String reason, long version) {
        return new CommitmentReleased(request.get("activity").asText(), request.get("esa").asText(),
                request.get("fiscalYear").asInt(), request.get("round").asInt(), request.get("line").asInt(),
                new BigDecimal(request.get("amount").asText()), request.get("request").asInt(),
                UUID.randomUUID().toString(), reason, Instant.now(), version);
    }

    /** budget-service's carrying over past its fiscal year of what it committed for {@code request}. */
    public static CommitmentCarriedOver carriedOver(JsonNode request, String reference, boolean withObligation,
                                                    long version) {
        return new CommitmentCarriedOver(request.get("activity").asText(), request.get("esa").asText(),
                request.get("fiscalYear").asInt(), request.get("round").asInt(), request.get("line").asInt(),
                new BigDecimal(request.get("amount").asText()), request.get("request").asInt(),
                UUID.randomUUID().toString(), reference, withObligation, "officer-P51-1", Instant.now(), version);
    }

    /** Publishes an answer as a new event (a new {@code ce_id}); returns the id. */
    public String publish(EventData data) {
        String id = UUID.randomUUID().toString();
        publish(data, id);
        return id;
    }

    /** Publishes an answer with this {@code ce_id}: the same id again is what a redelivery looks like. */
    public void publish(EventData data, String ceId) {
        byte[] value = server.getApplicationContext().getBean(EventCodec.class).encode(data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUDGET_V1, data.key(), value);
        CloudEventHeaders.write(new CloudEvent(ceId, EventType.of(data.getClass()).ceType(),
                Topics.sourceOf("budget-service"), Instant.now(), data.key(), null), record.headers());
        KafkaProbe.send(bootstrapServers, record);
    }

    /** Waits until events-service's funding-replies consumer has finished every record on budget.v1. */
    public void awaitAllTaken() {
        ConsumerGroups.awaitCaughtUp(bootstrapServers, GROUP, Topics.BUDGET_V1, WAIT);
    }
}
