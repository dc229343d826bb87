package th.tambon.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.Topics;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.cloudevents.Traceparent;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends records a consumer gives up on to the service's dead-letter topic, with headers naming their origin and the
 * failure. A letter too large for the topic is sent again without the original value and headers (the CloudEvents
 * attributes stay), so a record near the size limit can still be dead-lettered. Any other failure to send is
 * reported to the caller, which keeps the record and tries again later: nothing is skipped unrecorded.
 */
@Singleton
public class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_MESSAGE_LENGTH = 2_000;

    private final Producer<String, byte[]> producer;
    private final MessagingSettings settings;
    private final MeterRegistry meters;
    private final String topic;

    public DeadLetters(@KafkaClient("dead-letters") Producer<String, byte[]> producer, MessagingSettings settings,
                       MeterRegistry meters, @Value("${micronaut.application.name}") String serviceName) {
        this.producer = producer;
        this.settings = settings;
        this.meters = meters;
        this.topic = Topics.deadLetterOf(serviceName);
    }

    public String topic() {
        return topic;
    }

    /** True when the letter was acknowledged by the broker; false when it could not be sent now. */
    boolean send(ConsumerRecord<String, byte[]> record, String consumer, Throwable failure, int attempts) {
        try {
            acknowledged(letter(record, consumer, failure, attempts, null));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RecordTooLargeException)) {
                return unsent(record, consumer, e.getCause());
            }
            String omitted = sizeOf(record) + " bytes of value and headers: " + e.getCause().getMessage();
            try {
                acknowledged(letter(record, consumer, failure, attempts, omitted));
            } catch (Exception again) {
                return unsent(record, consumer, again instanceof ExecutionException ? again.getCause() : again);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return unsent(record, consumer, e);
        }
        Counter.builder("tambon.dead.letters").tag("consumer", consumer)
                .description("Records sent to the dead-letter topic").register(meters).increment();
        LOG.warn("{} sent {}-{}@{} to {} after {} attempt(s): {}", consumer, record.topic(), record.partition(),
                record.offset(), topic, attempts, failure.toString());
        return true;
    }

    private void acknowledged(ProducerRecord<String, byte[]> letter) throws Exception {
        producer.send(letter).get(settings.getDeadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean unsent(ConsumerRecord<String, byte[]> record, String consumer, Throwable why) {
        LOG.warn("{} could not dead-letter {}-{}@{} to {}; the record is kept and tried again: {}", consumer,
                record.topic(), record.partition(), record.offset(), topic, String.valueOf(why));
        return false;
    }

    /** The dead letter; with {@code omitted} set, without the value and the original's non-CloudEvents headers. */
    private ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> record, String consumer,
                                                  Throwable failure, int attempts, String omitted) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (omitted == null || header.key().startsWith("ce_") || header.key().equals(Traceparent.HEADER)) {
                headers.add(header);
            }
        }
        CloudEventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventHeaders.put(headers, DeadLetterHeaders.CONSUMER, consumer);
        CloudEventHeaders.put(headers, DeadLetterHeaders.ERROR_CLASS, failure.getClass().getName());
        CloudEventHeaders.put(headers, DeadLetterHeaders.ERROR_MESSAGE, shortened(String.valueOf(failure.getMessage())));
        CloudEventHeaders.put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        CloudEventHeaders.put(headers, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        if (omitted != null) {
            CloudEventHeaders.put(headers, DeadLetterHeaders.VALUE_OMITTED, shortened(omitted));
        }
        return new ProducerRecord<>(topic, null, record.key(), omitted == null ? record.value() : null, headers);
    }

    private static long sizeOf(ConsumerRecord<String, byte[]> record) {
        long size = record.value() == null ? 0 : record.value().length;
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private static String shortened(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
