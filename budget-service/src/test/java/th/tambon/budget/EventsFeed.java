package th.tambon.budget;

import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.events.ActivityCostReported;
import th.tambon.contracts.events.ActivityFundingReleased;
import th.tambon.contracts.events.ActivityFundingRequested;
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
 * What events-service publishes about an activity's funding, sent to events.v1 with a real producer and
 * events-service's {@code ce_source}: requests, reported costs and releases on the key {@code <activity>/funding}.
 */
public final class EventsFeed {
    public static final String GROUP = "budget-service.funding-requests";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final EmbeddedServer server;

    public EventsFeed(String bootstrapServers, EmbeddedServer server) {
        this.bootstrapServers = bootstrapServers;
        this.server = server;
    }

    /** Request {@code request} of the activity for {@code amount} on P51-1's line, as funding version {@code version}. */
    public static ActivityFundingRequested requested(String activity, int round, int line, String amount, int request,
                                                     long version) {
        return new ActivityFundingRequested(activity, "P51-1", 2563, round, line, new BigDecimal(amount), request,
                Instant.now(), version);
    }

    /** The activity's reported cost for what {@code asked} requested, spent on {@code spentOn}. */
    public static ActivityCostReported costReported(ActivityFundingRequested asked, String actualCost,
                                                    LocalDate spentOn, long version) {
        return new ActivityCostReported(asked.activity(), asked.esa(), asked.fiscalYear(), asked.round(),
                asked.line(), asked.amount(), new BigDecimal(actualCost), asked.request(), Instant.now(), spentOn,
                version);
    }

    /** The activity's cancellation releasing what {@code asked} requested. */
    public static ActivityFundingReleased released(ActivityFundingRequested asked, boolean fundsCommitted,
                                                   long version) {
        return new ActivityFundingReleased(asked.activity(), asked.esa(), asked.fiscalYear(), asked.round(),
                asked.line(), asked.amount(), asked.request(), fundsCommitted, "ยกเลิกเนื่องจากสถานการณ์โควิด-19",
                Instant.now(), version);
    }

    /** Publishes an event as a new one (a new {@code ce_id}); returns the id. */
    public String publish(EventData data) {
        String id = UUID.randomUUID().toString();
        publish(data, id);
        return id;
    }

    /** Publishes an event with this {@code ce_id}: the same id again is what a redelivery looks like. */
    public void publish(EventData data, String ceId) {
        byte[] value = server.getApplicationContext().getBean(EventCodec.class).encode(data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS_V1, data.key(), value);
        CloudEventHeaders.write(new CloudEvent(ceId, EventType.of(data.getClass()).ceType(),
                Topics.sourceOf("events-service"), Instant.now(), data.key(), null), record.headers());
        KafkaProbe.send(bootstrapServers, record);
    }

    /** Waits until budget-service's funding-requests consumer has finished every record on events.v1. */
    public void awaitAllTaken() {
        ConsumerGroups.awaitCaughtUp(bootstrapServers, GROUP, Topics.EVENTS_V1, WAIT);
    }
}
