package th.tambon.messaging.consumer;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import th.tambon.contracts.EventType;
import th.tambon.messaging.PoisonMessageException;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.cloudevents.InvalidCloudEventException;
import th.tambon.messaging.codec.EventCodec;

/**
 * Reads a record for a listener, without side effects: a CloudEvent from a source the listener accepts, of a type
 * that belongs on the record's topic, whose data meets its schema, is to be applied by the listener's handler; a type
 * the listener does not know or handle is skipped; anything else is poison.
 */
@Singleton
class RecordReader {
    private final EventCodec codec;

    RecordReader(EventCodec codec) {
        this.codec = codec;
    }

    Reading read(ConsumerRecord<String, byte[]> record, Subscription subscription) {
        try {
            CloudEvent event = CloudEventHeaders.read(record.headers());
            if (!subscription.accepts(event.source())) {
                throw new PoisonMessageException("ce_source " + event.source()
                        + " is not a source this consumer accepts " + subscription.sources());
            }
            var type = EventType.ofCeType(event.type());
            if (type.isEmpty()) {
                return Reading.skip(record, "unknown-type");
            }
            if (!type.get().topic().equals(record.topic())) {
                throw new PoisonMessageException("ce_type " + event.type() + " belongs on " + type.get().topic()
                        + ", not on " + record.topic());
            }
            var registration = subscription.registrationFor(type.get());
            if (registration.isEmpty()) {
                return Reading.skip(record, "not-handled");
            }
            return Reading.apply(record, event, codec.decode(type.get(), record.value(), type.get().dataClass()),
                    registration.get());
        } catch (PoisonMessageException | InvalidCloudEventException e) {
            return Reading.poison(record, e);
        } catch (RuntimeException e) {
            // reading touches nothing but the record: whatever else fails, fails for its sake
            return Reading.poison(record, new PoisonMessageException("cannot read the record: " + e, e));
        }
    }
}
