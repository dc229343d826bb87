package th.tambon.messaging.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import th.tambon.contracts.EventData;
import th.tambon.messaging.cloudevents.CloudEvent;

/**
 * A record as read by {@link RecordReader}: to be applied (its event, data and handler), skipped (a type the listener
 * does not know or handle, and which) or poison (why it can never be applied).
 */
record Reading(ConsumerRecord<String, byte[]> record, Kind kind, CloudEvent event, EventData data,
               Subscription.Registration<?> registration, String skipped, Throwable poison) {

    enum Kind { APPLY, SKIP, POISON }

    static Reading apply(ConsumerRecord<String, byte[]> record, CloudEvent event, EventData data,
                         Subscription.Registration<?> registration) {
        return new Reading(record, Kind.APPLY, event, data, registration, null, null);
    }

    static Reading skip(ConsumerRecord<String, byte[]> record, String reason) {
        return new Reading(record, Kind.SKIP, null, null, null, reason, null);
    }

    static Reading poison(ConsumerRecord<String, byte[]> record, Throwable why) {
        return new Reading(record, Kind.POISON, null, null, null, null, why);
    }

    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    long offset() {
        return record.offset();
    }

    /** topic-partition@offset, for logs. */
    String where() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
