package th.tambon.testkit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a topic from a test without a consumer group: it waits until the topic's partitions are known, assigns all
 * of them and then polls with a deadline for the record the test expects.
 */
public final class KafkaProbe implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private KafkaProbe(String bootstrapServers, String topic, boolean fromBeginning, Duration timeout) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        long deadline = System.nanoTime() + timeout.toNanos();
        // A topic being created answers first with no partitions, then with partitions that have no leader yet.
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        while (!led(partitions) && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofMillis(200));
        }
        if (!led(partitions)) {
            consumer.close();
            throw new AssertionError("Topic " + topic + " has no led partitions after " + timeout);
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        if (fromBeginning) {
            consumer.seekToBeginning(assigned);
        } else {
            consumer.seekToEnd(assigned);
        }
        assigned.forEach(consumer::position);
    }

    private static boolean led(List<PartitionInfo> partitions) {
        return partitions != null && !partitions.isEmpty()
                && partitions.stream().allMatch(p -> p.leader() != null && p.leader().id() >= 0);
    }

    /** A probe that sees every record of the topic, including earlier ones. */
    public static KafkaProbe fromBeginning(String bootstrapServers, String topic) {
        return new KafkaProbe(bootstrapServers, topic, true, Duration.ofSeconds(30));
    }

    /** A probe that sees only records written after it was created. */
    public static KafkaProbe fromNow(String bootstrapServers, String topic) {
        return new KafkaProbe(bootstrapServers, topic, false, Duration.ofSeconds(30));
    }

    /** Polls until a record matching {@code wanted} arrives, or fails after {@code timeout}. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (wanted.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            // Keep the whole batch: records after a match are what the next await looks for.
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size() + " record(s)");
    }

    /** Every record seen so far, after polling once more for {@code quiet}. */
    public List<ConsumerRecord<String, byte[]>> records(Duration quiet) {
        consumer.poll(quiet).forEach(seen::add);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Sends one record with an idempotent producer and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String bootstrapServers, ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not send test record to " + record.topic(), e);
        }
    }

    /** Creates a topic unless it exists. */
    public static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new AssertionError("Could not create topic " + topic, e);
            }
        } catch (Exception e) {
            throw new AssertionError("Could not create topic " + topic, e);
        }
    }
}
