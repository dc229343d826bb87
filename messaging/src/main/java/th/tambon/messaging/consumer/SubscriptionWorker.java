package th.tambon.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.PoisonMessageException;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.cloudevents.InvalidCloudEventException;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.messaging.inbox.Inbox;
import th.tambon.messaging.kafka.KafkaClients;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Subscription}: poll, apply each record in a transaction with its inbox row, commit the offset only
 * after that transaction committed. A record that keeps failing is retried with backoff, then sent to the service's
 * dead-letter topic and the consumer moves on; while the database is unreachable the record is neither skipped nor
 * dead-lettered but sought back and tried again.
 */
final class SubscriptionWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWorker.class);

    private enum Outcome { DONE, RETRY_LATER }

    private final Subscription subscription;
    private final String consumerName;
    private final String deadLetterTopic;
    private final KafkaClients clients;
    private final Producer<String, byte[]> producer;
    private final TransactionOperations<Connection> transactions;
    private final EventCodec codec;
    private final MessagingSettings settings;
    private final Counter deadLetters;
    private final Counter deferred;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    SubscriptionWorker(Subscription subscription, String consumerName, String deadLetterTopic, KafkaClients clients,
                       Producer<String, byte[]> producer, TransactionOperations<Connection> transactions,
                       EventCodec codec, MessagingSettings settings, MeterRegistry meters) {
        this.subscription = subscription;
        this.consumerName = consumerName;
        this.deadLetterTopic = deadLetterTopic;
        this.clients = clients;
        this.producer = producer;
        this.transactions = transactions;
        this.codec = codec;
        this.settings = settings;
        this.deadLetters = Counter.builder("tambon.dead.letters").tag("consumer", consumerName)
                .description("Records sent to the dead-letter topic").register(meters);
        this.deferred = Counter.builder("tambon.consumer.deferred").tag("consumer", consumerName)
                .description("Records sought back to try again later (database or broker unreachable)").register(meters);
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> kafka = clients.consumer(consumerName)) {
            consumer = kafka;
            kafka.subscribe(subscription.topics());
            int stalls = 0;
            while (running) {
                try {
                    boolean stalled = pollOnce(kafka);
                    stalls = stalled ? stalls + 1 : 0;
                    if (stalled) {
                        TimeUnit.MILLISECONDS.sleep(settings.backoffAfter(stalls).toMillis());
                    }
                } catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (KafkaException e) {
                    stalls++;
                    LOG.warn("Consumer {} failed, retrying: {}", consumerName, e.toString());
                    TimeUnit.MILLISECONDS.sleep(settings.backoffAfter(stalls).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Consumer {} stopped unexpectedly", consumerName, e);
        } finally {
            consumer = null;
        }
    }

    /** One poll; true when a record could not be finished now and was sought back. */
    private boolean pollOnce(KafkaConsumer<String, byte[]> kafka) {
        ConsumerRecords<String, byte[]> records = kafka.poll(settings.getPollTimeout());
        boolean stalled = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running || process(record) == Outcome.RETRY_LATER) {
                    kafka.seek(partition, record.offset());
                    stalled = running;
                    if (stalled) {
                        deferred.increment();
                    }
                    break;
                }
                kafka.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            }
        }
        return stalled;
    }

    private Outcome process(ConsumerRecord<String, byte[]> record) {
        for (int attempt = 1; ; attempt++) {
            try {
                apply(record);
                return Outcome.DONE;
            } catch (PoisonMessageException | InvalidCloudEventException e) {
                return deadLetter(record, e, attempt);
            } catch (Exception e) {
                if (Failures.isInfrastructure(e)) {
                    LOG.warn("Consumer {} cannot reach its database; {}-{}@{} will be retried: {}", consumerName,
                            record.topic(), record.partition(), record.offset(), e.toString());
                    return Outcome.RETRY_LATER;
                }
                if (attempt >= settings.getMaxAttempts()) {
                    return deadLetter(record, e, attempt);
                }
                Duration pause = settings.backoffAfter(attempt);
                LOG.info("Consumer {} failed on {}-{}@{} (attempt {}), retrying in {} ms: {}", consumerName,
                        record.topic(), record.partition(), record.offset(), attempt, pause.toMillis(), e.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return Outcome.RETRY_LATER;
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) throws InvalidCloudEventException {
        CloudEvent event = CloudEventHeaders.read(record.headers());
        if (!subscription.accepts(event.source())) {
            throw new PoisonMessageException("ce_source " + event.source() + " is not a source this consumer accepts "
                    + subscription.sources());
        }
        EventType type = EventType.ofCeType(event.type())
                .orElseThrow(() -> new PoisonMessageException("unknown event type " + event.type()));
        var registration = subscription.registrationFor(type);
        if (registration.isEmpty()) {
            return;
        }
        EventData data = codec.decode(type, record.value(), type.dataClass());
        EventContext context = new EventContext(event, record.topic(), record.partition(), record.offset());
        transactions.executeWrite(status -> {
            if (Inbox.claim(status.getConnection(), consumerName, event.id(), event.type(),
                    record.topic(), record.partition(), record.offset())) {
                registration.get().dispatch(data, context);
            } else {
                LOG.debug("Consumer {} skipped duplicate event {}", consumerName, event.id());
            }
            return null;
        });
    }

    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, Exception failure, int attempts) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(),
                record.headers());
        var headers = letter.headers();
        CloudEventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventHeaders.put(headers, DeadLetterHeaders.CONSUMER, consumerName);
        CloudEventHeaders.put(headers, DeadLetterHeaders.ERROR_CLASS, failure.getClass().getName());
        CloudEventHeaders.put(headers, DeadLetterHeaders.ERROR_MESSAGE, String.valueOf(failure.getMessage()));
        CloudEventHeaders.put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        CloudEventHeaders.put(headers, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        try {
            producer.send(letter).get(settings.getProducerDeliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Consumer {} could not dead-letter {}-{}@{}; it will be retried: {}", consumerName,
                    record.topic(), record.partition(), record.offset(), e.toString());
            return Outcome.RETRY_LATER;
        }
        deadLetters.increment();
        LOG.warn("Consumer {} sent {}-{}@{} to {} after {} attempt(s): {}", consumerName, record.topic(),
                record.partition(), record.offset(), deadLetterTopic, attempts, failure.toString());
        return Outcome.DONE;
    }
}
