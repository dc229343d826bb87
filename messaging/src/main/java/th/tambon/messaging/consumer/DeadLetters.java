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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.Topics;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.cloudevents.Traceparent;
import th.tambon.messaging.kafka.TopicProvisioner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends records a consumer gives up on to the service's dead-letter topic, with headers naming their origin and the
 * failure. A letter too large for the topic is sent again without the original value and headers (the CloudEvents
 * attributes stay); one still too large, because of its key or its headers, is sent with its key and CloudEvents
 * attributes cut short and every other header left out, their sizes and the key's digest kept: such a letter always
 * fits, so no record can stall its partition for being large. A dead-letter topic that was deleted is created again. Any other failure to send is reported to the caller,
 * which keeps the record and tries again later: nothing is skipped unrecorded.
 */
@Singleton
public class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_MESSAGE_LENGTH = 2_000;
    /** What is left of a key or a header value that had to be cut: at most 256 characters, 1 KB in UTF-8. */
    private static final int CUT_TO_CHARS = 256;

    /** The CloudEvents attributes a cut letter keeps (cut), and the trace; every other header is counted, not kept. */
    private static final Set<String> ATTRIBUTES = Set.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
            CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
            CloudEventHeaders.CONTENT_TYPE, Traceparent.HEADER);

    /** How much of the original a letter carries. */
    private enum Form { WHOLE, WITHOUT_VALUE, CUT }

    private final Producer<String, byte[]> producer;
    private final TopicProvisioner topics;
    private final MessagingSettings settings;
    private final MeterRegistry meters;
    private final String topic;

    public DeadLetters(@KafkaClient("dead-letters") Producer<String, byte[]> producer, TopicProvisioner topics,
                       MessagingSettings settings, MeterRegistry meters,
                       @Value("${micronaut.application.name}") String serviceName) {
        this.producer = producer;
        this.topics = topics;
        this.settings = settings;
        this.meters = meters;
        this.topic = Topics.deadLetterOf(serviceName);
    }

    public String topic() {
        return topic;
    }

    /** True when the letter was acknowledged by the broker; false when it could not be sent now. */
    boolean send(ConsumerRecord<String, byte[]> record, String consumer, Throwable failure, int attempts) {
        Throwable why = null;
        for (Form form : Form.values()) {
            why = sendAs(form, record, consumer, failure, attempts);
            if (why == null) {
                sent(record, consumer, failure, attempts, form);
                return true;
            }
            if (!(why instanceof RecordTooLargeException)) {
                break;
            }
        }
        Counter.builder("tambon.dead.letters.unsent").tag("consumer", consumer)
                .description("Attempts to dead-letter a record that failed; the record waits and is tried again")
                .register(meters).increment();
        LOG.error("{} could not dead-letter {}-{}@{} to {}; the record and its partition wait and are tried again: {}",
                consumer, record.topic(), record.partition(), record.offset(), topic, String.valueOf(why));
        return false;
    }

    /** Null when the letter in that form was acknowledged, else why not. A missing topic is created and tried again. */
    private Throwable sendAs(Form form, ConsumerRecord<String, byte[]> record, String consumer, Throwable failure,
                             int attempts) {
        Throwable why = acknowledged(letter(form, record, consumer, failure, attempts));
        if (why == null || !topicMissing(why) || !topics.recreateIfMissing(topic)) {
            return why;
        }
        return acknowledged(letter(form, record, consumer, failure, attempts));
    }

    /** A send that failed because the topic is not there: the broker says so, or its metadata never came. */
    private static boolean topicMissing(Throwable why) {
        return why instanceof UnknownTopicOrPartitionException
                || why instanceof org.apache.kafka.common.errors.TimeoutException
                && String.valueOf(why.getMessage()).contains("not present in metadata");
    }


    private Throwable acknowledged(ProducerRecord<String, byte[]> letter) {
        try {
            producer.send(letter).get(settings.getDeadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    private void sent(ConsumerRecord<String, byte[]> record, String consumer, Throwable failure, int attempts,
                      Form form) {
        Counter.builder("tambon.dead.letters").tag("consumer", consumer)
                .description("Records sent to the dead-letter topic").register(meters).increment();
        if (form == Form.CUT) {
            Counter.builder("tambon.dead.letters.cut").tag("consumer", consumer)
                    .description("Dead letters whose key or CloudEvents headers had to be cut to fit")
                    .register(meters).increment();
            LOG.error("{} sent {}-{}@{} to {} with its key and headers cut to fit ({} bytes of key, {} of headers);"
                    + " the original is still at its offset", consumer, record.topic(), record.partition(),
                    record.offset(), topic, keyBytes(record).length, headerBytes(record));
        }
        LOG.warn("{} sent {}-{}@{} to {} after {} attempt(s): {}", consumer, record.topic(), record.partition(),
                record.offset(), topic, attempts, failure.toString());
    }

    private ProducerRecord<String, byte[]> letter(Form form, ConsumerRecord<String, byte[]> record, String consumer,
                                                  Throwable failure, int attempts) {
        Headers headers = new RecordHeaders();
        List<String> cut = new ArrayList<>();
        int othersLeftOut = 0;
        long othersBytes = 0;
        for (Header header : record.headers()) {
            int size = header.value() == null ? 0 : header.value().length;
            if (form == Form.WHOLE || form == Form.WITHOUT_VALUE && isCloudEvent(header.key())) {
                headers.add(header);
            } else if (form == Form.CUT && ATTRIBUTES.contains(header.key())) {
                if (size <= CUT_TO_CHARS) {
                    headers.add(header);
                } else {
                    headers.add(header.key(), cut(new String(header.value(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
                    cut.add(header.key() + " " + size + " bytes, cut");
                }
            } else if (form == Form.CUT) {
                othersLeftOut++;
                othersBytes += header.key().getBytes(StandardCharsets.UTF_8).length + size;
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
        if (form != Form.WHOLE) {
            CloudEventHeaders.put(headers, DeadLetterHeaders.VALUE_OMITTED, shortened(sizeOf(record)
                    + " bytes of value and headers did not fit into a dead letter"));
        }
        String key = record.key();
        if (form == Form.CUT && key != null && key.length() > CUT_TO_CHARS) {
            CloudEventHeaders.put(headers, DeadLetterHeaders.KEY_SIZE, Integer.toString(keyBytes(record).length));
            CloudEventHeaders.put(headers, DeadLetterHeaders.KEY_SHA256, sha256(keyBytes(record)));
            key = cut(key);
        }
        if (othersLeftOut > 0) {
            cut.add(othersLeftOut + " other headers, " + othersBytes + " bytes, left out");
        }
        if (!cut.isEmpty()) {
            CloudEventHeaders.put(headers, DeadLetterHeaders.HEADERS_OMITTED, shortened(String.join("; ", cut)));
        }
        return new ProducerRecord<>(topic, null, key, form == Form.WHOLE ? record.value() : null, headers);
    }

    private static boolean isCloudEvent(String header) {
        return header.startsWith("ce_") || header.equals(Traceparent.HEADER);
    }

    private static byte[] keyBytes(ConsumerRecord<String, byte[]> record) {
        return record.key() == null ? new byte[0] : record.key().getBytes(StandardCharsets.UTF_8);
    }

    private static long headerBytes(ConsumerRecord<String, byte[]> record) {
        long size = 0;
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private static long sizeOf(ConsumerRecord<String, byte[]> record) {
        return (record.value() == null ? 0 : record.value().length) + headerBytes(record);
    }

    private static String cut(String text) {
        return cut(text, CUT_TO_CHARS);
    }

    /** The first {@code length} characters and an ellipsis, never splitting a surrogate pair. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end) + "…";
    }

    private static String shortened(String text) {
        return cut(text, MAX_MESSAGE_LENGTH);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
